import type { JobProgress, RecoveryTargetSpec } from '@contract';
import { formatBytes, formatRate } from '../../format/bytes';
import { formatDuration } from '../../format/duration';

export const msText = (ms: number) => formatDuration(ms / 1000);

/** Where a target's data comes from, in one line. */
export function specText(spec: RecoveryTargetSpec): string {
  switch (spec.kind) {
    case 'files':
      return spec.excludes.length ? `${spec.root} (excluding ${spec.excludes.join(', ')})` : spec.root;
    case 'postgres':
      return `${spec.user}@${spec.host}:${spec.port}/${spec.database}`;
    case 'kubernetes':
      return `${spec.context}: ${spec.namespaces.join(', ')}${spec.includeSecrets ? ' (with secrets)' : ''}`;
    case 'docker-volume':
      return `${spec.engine}: volume ${spec.volume}`;
  }
}

export const KIND_LABEL: Record<RecoveryTargetSpec['kind'], string> = {
  files: 'Files',
  postgres: 'PostgreSQL',
  kubernetes: 'Kubernetes',
  'docker-volume': 'Docker volume',
};

/** Percent done when the total is known. */
export function progressPct(p: JobProgress): number | null {
  if (p.bytesTotal && p.bytesTotal > 0) return (100 * p.bytesDone) / p.bytesTotal;
  if (p.filesTotal && p.filesTotal > 0) return (100 * p.filesDone) / p.filesTotal;
  return null;
}

export function progressText(p: JobProgress): string {
  const bytes = p.bytesTotal ? `${formatBytes(p.bytesDone)} of ${formatBytes(p.bytesTotal)}` : formatBytes(p.bytesDone);
  const files = p.filesTotal ? `${p.filesDone} of ${p.filesTotal} files` : `${p.filesDone} files`;
  return `${p.phase}: ${bytes}, ${files}, ${formatRate(p.bytesPerSecond)}`;
}
