import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useViewport } from '../useViewport';
import { visibleRange } from '../virtualRange';
import { highlightParts } from './logSearch';
import './logs.css';

/** Every line is exactly this tall (long lines are cut, not wrapped), so a scroll offset maps to a line. */
export const LINE_PX = 18;
const OVERSCAN_LINES = 20;

interface Props {
  lines: readonly string[];
  version: number;
  query: string;
  /** The line of the current match, scrolled into view when it changes. */
  currentLine: number | null;
  /** Keep the newest line in view as lines arrive, unless the user scrolled up. */
  stickToEnd: boolean;
  /** An extra class for a line, such as the stream it came from. */
  lineClass?(index: number): string | undefined;
}

/**
 * A log as a virtualized list: only the lines in view are in the page, so 50,000 lines
 * scroll and search like 50. Matches of the search are marked.
 */
export function LogLines({ lines, version, query, currentLine, stickToEnd, lineClass }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const viewport = useViewport(scroller);
  const [scrollTop, setScrollTop] = useState(0);
  // Whether the view is at the end: new lines then scroll it along.
  const atEnd = useRef(true);
  const count = lines.length;

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el || !stickToEnd || !atEnd.current) return;
    el.scrollTop = el.scrollHeight;
    setScrollTop(el.scrollTop);
  }, [version, stickToEnd]);

  useEffect(() => {
    const el = scroller.current;
    if (!el || currentLine === null) return;
    atEnd.current = false;
    el.scrollTop = Math.max(0, currentLine * LINE_PX - el.clientHeight / 2);
    setScrollTop(el.scrollTop);
  }, [currentLine]);

  const onScroll = () => {
    const el = scroller.current!;
    atEnd.current = el.scrollTop + el.clientHeight >= el.scrollHeight - LINE_PX;
    setScrollTop(el.scrollTop);
  };

  const [first, last] = visibleRange(scrollTop, viewport, LINE_PX, OVERSCAN_LINES, count);
  const shown = [];
  for (let i = first; i <= last; i++) {
    shown.push(
      <div key={i} className={['log-line', i === currentLine ? 'log-line--current' : '', lineClass?.(i) ?? ''].join(' ').trim()} data-line={i}>
        {highlightParts(lines[i]!, query).map((p, j) => (p.match ? <mark key={j}>{p.text}</mark> : p.text))}
      </div>,
    );
  }

  return (
    <div className="log-lines" ref={scroller} onScroll={onScroll} tabIndex={0} role="log" aria-label="Log lines" data-testid="log-lines" data-count={count}>
      <div style={{ height: count * LINE_PX, position: 'relative' }}>
        <div style={{ position: 'absolute', top: first * LINE_PX, left: 0, right: 0 }}>{shown}</div>
      </div>
    </div>
  );
}
