import type { HighlightSegment } from '@contract';

/** Search-highlighted text: matched words in <mark>. */
export function Highlighted({ segments }: { segments: HighlightSegment[] }) {
  return (
    <>
      {segments.map((s, i) =>
        s.hit ? <mark key={i}>{s.text}</mark> : s.text,
      )}
    </>
  );
}
