import type { DockerLogLine } from '@contract';

export type StreamFilter = 'both' | 'stdout' | 'stderr';

/** The lines of the chosen stream(s). */
export const linesOf = (lines: readonly DockerLogLine[], filter: StreamFilter): readonly DockerLogLine[] =>
  filter === 'both' ? lines : lines.filter((l) => l.stream === filter);

/** A line as shown, searched and downloaded: its timestamp (when asked for) and its text. */
export const lineText = (l: DockerLogLine): string => (l.ts ? `${l.ts} ${l.text}` : l.text);

/** A log as a file: one line each, stderr lines marked when both streams are in it. */
export function logFileText(lines: readonly DockerLogLine[], filter: StreamFilter): string {
  const mark = filter === 'both';
  return lines.map((l) => (mark && l.stream === 'stderr' ? `[stderr] ${lineText(l)}` : lineText(l))).join('\n') + (lines.length ? '\n' : '');
}
