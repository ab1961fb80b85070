import type { KeyboardEvent } from 'react';
import { stepMatch } from './logSearch';
import './logs.css';

interface Props {
  query: string;
  onQuery(query: string): void;
  /** How many lines match, and which of them is current (0-based). */
  count: number;
  current: number;
  onCurrent(index: number): void;
}

/** A log's search field with the match count and previous/next; Enter and Shift+Enter step too. */
export function LogSearchBar({ query, onQuery, count, current, onCurrent }: Props) {
  const step = (by: 1 | -1) => onCurrent(stepMatch(current, count, by));
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    step(event.shiftKey ? -1 : 1);
  };
  return (
    <span className="log-toolbar__search">
      <input type="text" aria-label="Search the log" placeholder="search" spellCheck={false} value={query} onChange={(e) => onQuery(e.target.value)} onKeyDown={onKeyDown} />
      <span className="muted" data-testid="log-matches" data-count={count} aria-live="polite">
        {query ? (count ? `${current + 1} of ${count.toLocaleString()}` : 'no match') : ''}
      </span>
      <button type="button" className="button button--small" aria-label="Previous match" disabled={count === 0} onClick={() => step(-1)}>
        ↑
      </button>
      <button type="button" className="button button--small" aria-label="Next match" disabled={count === 0} onClick={() => step(1)}>
        ↓
      </button>
    </span>
  );
}
