import type { ChannelInput, PromAuthKind, PromSourceInfo } from '@contract';

export type SourceAuth = NonNullable<ChannelInput<'prom.updateSource'>['auth']>;

export interface AuthDraft {
  kind: PromAuthKind;
  username: string;
  /** The password or bearer token as typed; stored ones are never sent back to the renderer. */
  secret: string;
}

/**
 * The auth to send: the draft whole when it is complete; undefined when editing a source whose
 * auth kind and user stay and no new secret was typed (the stored one is kept); null when incomplete.
 */
export function authToSend(draft: AuthDraft, saved: PromSourceInfo | null): SourceAuth | undefined | null {
  if (draft.kind === 'none') return saved?.auth === 'none' ? undefined : { kind: 'none' };
  const keeps = saved !== null && saved.auth === draft.kind && (draft.kind === 'bearer' || saved.username === draft.username.trim());
  if (!draft.secret) return keeps ? undefined : null;
  if (draft.kind === 'bearer') return { kind: 'bearer', token: draft.secret };
  const username = draft.username.trim();
  return username && !username.includes(':') ? { kind: 'basic', username, password: draft.secret } : null;
}

export const URL_PATTERN = /^https?:\/\/\S+$/;
