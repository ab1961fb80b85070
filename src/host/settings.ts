import type { Settings } from '../contract';
import type { KeyValueStore } from '../store/keyValue';

export const DEFAULT_SETTINGS: Settings = { theme: 'system', notificationsPaused: false };

const KEY = 'settings';

export function readSettings(kv: KeyValueStore): Settings {
  return { ...DEFAULT_SETTINGS, ...kv.get<Partial<Settings>>(KEY) };
}

export function writeSettings(kv: KeyValueStore, patch: Partial<Settings>): Settings {
  const next = { ...readSettings(kv), ...patch };
  kv.set(KEY, next);
  return next;
}
