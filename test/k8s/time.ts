/** Timestamps as the API writes them. */

/** RFC 3339 to the second: "2024-05-01T12:00:00Z" (metadata.creationTimestamp and most conditions). */
export function rfc3339(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

/** RFC 3339 with fractional seconds, as in log timestamps and MicroTime fields. */
export function rfc3339Nano(date: Date): string {
  return date.toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z');
}

export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
