import { LoadError } from '../LoadError';
import { Loading } from '../Loading';
import { LogLines } from './LogLines';
import type { FollowedLog } from './useFollowedLog';

interface Props {
  log: Omit<FollowedLog<unknown, unknown>, 'lines' | 'facts'>;
  /** The lines shown (after any filter), as text. */
  lines: readonly string[];
  following: boolean;
  /** Said right after the line count, such as why streams cannot be told apart. */
  note?: string;
  search: { query: string; currentLine: number | null };
  lineClass?(index: number): string | undefined;
  statusTestId: string;
  onRetry(): void;
}

/** A log below its toolbar: the read's failure or progress, then a status line and the lines. */
export function LogOutput({ log, lines, following, note = '', search, lineClass, statusTestId, onRetry }: Props) {
  if (log.error) return <LoadError title="Could not read the log" message={log.error} onRetry={onRetry} />;
  if (log.loading) return <Loading label="Reading the log…" />;
  return (
    <>
      <p className="muted log-status" data-testid={statusTestId}>
        {lines.length.toLocaleString()} lines{note}
        {log.truncated ? ' (older lines not shown)' : ''}
        {following && !log.ended && ' · following'}
        {log.ended && (log.ended.error ? ` · stream failed: ${log.ended.error}` : ' · stream ended')}
      </p>
      <LogLines lines={lines} version={log.version} query={search.query} currentLine={search.currentLine} stickToEnd lineClass={lineClass} />
    </>
  );
}
