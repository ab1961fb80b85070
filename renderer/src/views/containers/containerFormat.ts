import type { DockerContainerRow, DockerPort } from '@contract';
import { formatBytes } from '../../format/bytes';
import { formatDuration } from '../../format/duration';

/** "8080→80/tcp", once per port even when the engine lists it for IPv4 and IPv6. */
export function formatPorts(ports: readonly DockerPort[]): string {
  const seen = new Set<string>();
  for (const p of ports) seen.add(p.publicPort === null ? `${p.privatePort}/${p.type}` : `${p.publicPort}→${p.privatePort}/${p.type}`);
  return [...seen].join(', ');
}

/** How long a running container has been up; else nothing (its status text says when it stopped). */
export const uptimeOf = (row: DockerContainerRow, now: number): string | null =>
  (row.state === 'running' || row.state === 'paused') && row.startedAt !== null ? formatDuration((now - row.startedAt) / 1000) : null;

export const formatMemory = (used: number, limit: number): string => `${formatBytes(used)} / ${formatBytes(limit)}`;

/** A pair of totals, e.g. received and sent: "1.2 MiB / 300 KiB". */
export const formatPair = (a: number, b: number): string => `${formatBytes(a)} / ${formatBytes(b)}`;

export const shortId = (id: string): string => id.replace(/^sha256:/, '').slice(0, 12);
