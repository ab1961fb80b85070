import type { TabId } from '@contract';
import { isTabId } from './tabs';

/** Splits "#/monitoring?x=1" into the tab and the "?x=1" that must be carried along untouched. */
function parseHash(hash: string): { path: string; query: string } {
  const body = hash.replace(/^#\/?/, '');
  const q = body.indexOf('?');
  return q === -1 ? { path: body, query: '' } : { path: body.slice(0, q), query: body.slice(q) };
}

export function tabFromHash(hash: string): TabId | null {
  const { path } = parseHash(hash);
  return isTabId(path) ? path : null;
}

export function hashForTab(currentHash: string, tab: TabId): string {
  return `#/${tab}${parseHash(currentHash).query}`;
}
