import path from 'node:path';
import type { RunbookLink, RunbookLinkReason } from '../contract';
import type { LibraryEntry } from './library';

/** The annotations that name an alert's runbook, as Prometheus rules commonly write them. */
export const RUNBOOK_ANNOTATIONS = ['runbook', 'runbook_url'] as const;

/** The runbook an annotation names: by id, by file path (or its end), or by a URL whose last segment is the id or file name. */
function named(entries: LibraryEntry[], value: string): LibraryEntry | undefined {
  const v = value.trim();
  if (!v) return undefined;
  const byId = entries.find((e) => e.id === v);
  if (byId) return byId;
  let pathPart = v;
  try {
    pathPart = decodeURIComponent(new URL(v).pathname);
  } catch {
    // Not a URL: a path.
  }
  const normalized = pathPart.replace(/\\/g, '/').replace(/\/+$/, '');
  const byPath = entries.find((e) => e.summary.path.replace(/\\/g, '/').endsWith(normalized.startsWith('/') ? normalized : `/${normalized}`));
  if (byPath) return byPath;
  const last = path.posix.basename(normalized).replace(/\.md$/i, '');
  return entries.find((e) => e.id === last || path.basename(e.summary.path).replace(/\.md$/i, '') === last);
}

/**
 * The runbooks for an alert, best first: the one its runbook annotation names, then those whose
 * related_alerts name its alertname or whose labels it carries.
 */
export function alertLinks(entries: LibraryEntry[], alert: { labels: Record<string, string>; annotations: Record<string, string> }): RunbookLink[] {
  const links = new Map<string, RunbookLink>();
  const add = (e: LibraryEntry, reason: RunbookLinkReason) => {
    if (!links.has(e.id)) links.set(e.id, { runbook: e.summary, reason });
  };
  for (const key of RUNBOOK_ANNOTATIONS) {
    const value = alert.annotations[key];
    const e = value === undefined ? undefined : named(entries, value);
    if (e) add(e, 'annotation');
  }
  for (const e of entries) {
    for (const related of e.relatedAlerts) {
      if ('alertname' in related && related.alertname === alert.labels.alertname) add(e, 'alertname');
      else if ('labels' in related && Object.entries(related.labels).every(([k, v]) => alert.labels[k] === v)) add(e, 'labels');
    }
  }
  return [...links.values()];
}
