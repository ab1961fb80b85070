import type { HostEvent } from './channels';
import type { Result } from './errors';

/** Messages of the serve-mode WebSocket; one JSON object per frame. */
export type ClientMessage = { kind: 'invoke'; id: number; channel: string; payload: unknown };

export type ServerMessage =
  | { kind: 'result'; id: number; result: Result<unknown> }
  | { kind: 'event'; event: HostEvent };

/** Bound on an incoming frame: no contract payload comes near it. */
export const MAX_MESSAGE_BYTES = 1024 * 1024;

export const TOKEN_COOKIE = 'opsdeck_token';
