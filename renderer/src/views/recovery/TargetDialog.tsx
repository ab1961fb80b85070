import type { ChannelInput, RecoveryTarget, RecoveryTargetKind } from '@contract';
import { RECOVERY_TARGET_KINDS } from '@contract/types';
import { useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useApp } from '../../state/StoreProvider';
import { KIND_LABEL } from './format';
import { TextField } from './TextField';

type TargetInput = ChannelInput<'recovery.targets.save'>;

interface Draft {
  name: string;
  kind: RecoveryTargetKind;
  root: string;
  excludes: string;
  host: string;
  port: string;
  user: string;
  database: string;
  password: string;
  context: string;
  namespaces: string;
  includeSecrets: boolean;
  engine: string;
  volume: string;
  helperImage: string;
  rpoMinutes: string;
  schedule: string;
}

const list = (text: string) =>
  text
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter(Boolean);

function draftOf(t: RecoveryTarget | null): Draft {
  const s = t?.spec;
  return {
    name: t?.name ?? '',
    kind: s?.kind ?? 'files',
    root: s?.kind === 'files' ? s.root : '',
    excludes: s?.kind === 'files' ? s.excludes.join(', ') : '',
    host: s?.kind === 'postgres' ? s.host : 'localhost',
    port: s?.kind === 'postgres' ? String(s.port) : '5432',
    user: s?.kind === 'postgres' ? s.user : 'postgres',
    database: s?.kind === 'postgres' ? s.database : '',
    password: '',
    context: s?.kind === 'kubernetes' ? s.context : '',
    namespaces: s?.kind === 'kubernetes' ? s.namespaces.join(', ') : '',
    includeSecrets: s?.kind === 'kubernetes' ? s.includeSecrets : false,
    engine: s?.kind === 'docker-volume' ? s.engine : '',
    volume: s?.kind === 'docker-volume' ? s.volume : '',
    helperImage: s?.kind === 'docker-volume' ? s.helperImage : 'busybox:stable',
    rpoMinutes: String(Math.round((t?.rpoObjectiveMs ?? 15 * 60_000) / 60_000)),
    schedule: t?.schedule ?? '',
  };
}

function inputOf(d: Draft, id: string | undefined): TargetInput | null {
  const rpo = Number(d.rpoMinutes);
  if (!d.name.trim() || !(rpo >= 1)) return null;
  const base = { ...(id ? { id } : {}), name: d.name.trim(), rpoObjectiveMs: Math.round(rpo * 60_000), schedule: d.schedule.trim() || null };
  switch (d.kind) {
    case 'files':
      return d.root.startsWith('/') ? { ...base, spec: { kind: 'files', root: d.root.trim(), excludes: list(d.excludes) } } : null;
    case 'postgres':
      return d.host && d.user && d.database && Number(d.port) > 0
        ? { ...base, spec: { kind: 'postgres', host: d.host.trim(), port: Number(d.port), user: d.user.trim(), database: d.database.trim(), sslmode: 'prefer' }, ...(d.password ? { password: d.password } : {}) }
        : null;
    case 'kubernetes':
      return d.context && list(d.namespaces).length > 0 ? { ...base, spec: { kind: 'kubernetes', context: d.context.trim(), namespaces: list(d.namespaces), includeSecrets: d.includeSecrets } } : null;
    case 'docker-volume':
      return d.engine && d.volume ? { ...base, spec: { kind: 'docker-volume', engine: d.engine.trim(), volume: d.volume.trim(), helperImage: d.helperImage.trim() } } : null;
  }
}

/** Adds or edits a backup target; the host checks it can reach and read it before saving. */
export function TargetDialog({ target, onClose }: { target: RecoveryTarget | null; onClose(): void }) {
  const client = useApp((s) => s.client);
  const [d, setDraft] = useState(() => draftOf(target));
  const set = (patch: Partial<Draft>) => setDraft((x) => ({ ...x, ...patch }));
  const input = inputOf(d, target?.id);
  return (
    <ConfirmDialog
      title={target ? `Edit target ${target.name}` : 'New backup target'}
      statement="Opsdeck connects to the target first: a wrong path, address or password is reported here and nothing is saved."
      confirmLabel="Save target"
      confirmDisabled={input === null}
      onClose={onClose}
      onConfirm={async () => {
        await client.call('recovery.targets.save', input!);
        onClose();
      }}
    >
      <TextField label="Name" value={d.name} onChange={(name) => set({ name })} testId="target-name" />
      {!target && (
        <label className="form-field">
          Kind
          <select value={d.kind} onChange={(e) => set({ kind: e.target.value as RecoveryTargetKind })} data-testid="target-kind">
            {RECOVERY_TARGET_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABEL[k]}
              </option>
            ))}
          </select>
        </label>
      )}
      {d.kind === 'files' && (
        <>
          <TextField label="Folder" value={d.root} onChange={(root) => set({ root })} testId="target-root" />
          <TextField label="Excludes (glob patterns, comma-separated)" value={d.excludes} onChange={(excludes) => set({ excludes })} />
        </>
      )}
      {d.kind === 'postgres' && (
        <>
          <TextField label="Host" value={d.host} onChange={(host) => set({ host })} />
          <TextField label="Port" value={d.port} onChange={(port) => set({ port })} />
          <TextField label="User" value={d.user} onChange={(user) => set({ user })} />
          <TextField label="Database" value={d.database} onChange={(database) => set({ database })} />
          <TextField label={target?.hasPassword ? 'Password (empty keeps the one in the keychain)' : 'Password (kept in the OS keychain)'} type="password" value={d.password} onChange={(password) => set({ password })} />
        </>
      )}
      {d.kind === 'kubernetes' && (
        <>
          <TextField label="Context" value={d.context} onChange={(context) => set({ context })} />
          <TextField label="Namespaces (comma-separated)" value={d.namespaces} onChange={(namespaces) => set({ namespaces })} />
          <label className="form-field form-field--inline">
            <input type="checkbox" checked={d.includeSecrets} onChange={(e) => set({ includeSecrets: e.target.checked })} /> Include secrets (stored encrypted in the repository)
          </label>
        </>
      )}
      {d.kind === 'docker-volume' && (
        <>
          <TextField label="Engine" value={d.engine} onChange={(engine) => set({ engine })} />
          <TextField label="Volume" value={d.volume} onChange={(volume) => set({ volume })} />
          <TextField label="Helper image (must be on the engine; it runs tar)" value={d.helperImage} onChange={(helperImage) => set({ helperImage })} />
        </>
      )}
      <TextField label="RPO objective (minutes)" value={d.rpoMinutes} onChange={(rpoMinutes) => set({ rpoMinutes })} />
      <TextField label="Schedule (cron: minute hour day month weekday; empty for manual)" value={d.schedule} onChange={(schedule) => set({ schedule })} />
    </ConfirmDialog>
  );
}
