import type { Host } from '../../src/host/createHost';

/** A channel's value; a failed call throws with its code and message. */
export async function call<T>(host: Host, channel: string, payload: unknown): Promise<T> {
  const r = await host.invoke(channel, payload);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

/** "CODE message" of a call expected to fail. */
export async function failure(host: Host, channel: string, payload: unknown): Promise<string> {
  const r = await host.invoke(channel, payload);
  if (r.ok) throw new Error(`${channel} succeeded but was expected to fail`);
  return `${r.error.code} ${r.error.message}`;
}
