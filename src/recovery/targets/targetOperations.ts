import type Docker from 'dockerode';
import fs from 'node:fs';
import { Transform, type Readable } from 'node:stream';
import { OpsdeckError, type RecoveryTargetSpec, type RestoreInto } from '../../contract';
import type { KubeApi } from '../../kubernetes/kubeApi';
import type { SecretStore } from '../../secrets/secretStore';
import type { BackupSource, ProgressListener } from '../repository/types';
import type { SnapshotReader } from '../snapshotReader';
import { checkVolume, removeVolume, restoreVolume, volumeEntries, volumeTarPath } from './dockerVolume';
import { checkNamespaces, deleteNamespace, namespaceEntries, restoreNamespaces, type NamespaceDocument } from './kubernetes';
import { checkPostgres, dropDatabase, dumpEntries, dumpPath, restoreDump } from './postgres';

/** The clients targets reach their systems with, as the host has them. */
export interface TargetClients {
  secrets: SecretStore;
  docker(engine: string): Docker;
  kube(context: string): Promise<KubeApi>;
}

/** Undoes a restore (drops what it created); null when it wrote into something that already existed. */
export type Undo = (() => Promise<void>) | null;

export const targetPasswordAccount = (targetId: string) => `recovery-target:${targetId}`;

async function password(clients: TargetClients, targetId: string, has: boolean): Promise<string | null> {
  if (!has) return null;
  const stored = await clients.secrets.get(targetPasswordAccount(targetId));
  if (stored === null) throw new OpsdeckError('UNAVAILABLE', 'The target\'s password is not in the keychain any more: save the target again with its password.');
  return stored;
}

/** Checks the target can be reached and read with these settings before they are saved. */
export async function checkTarget(clients: TargetClients, spec: RecoveryTargetSpec, pass: string | null): Promise<void> {
  switch (spec.kind) {
    case 'files': {
      const stat = await fs.promises.stat(spec.root).catch(() => null);
      if (!stat?.isDirectory()) throw new OpsdeckError('BAD_REQUEST', `${spec.root} is not a folder.`);
      return;
    }
    case 'postgres':
      await checkPostgres(spec, pass);
      return;
    case 'kubernetes':
      await checkNamespaces(await clients.kube(spec.context), spec, AbortSignal.timeout(30_000));
      return;
    case 'docker-volume':
      await checkVolume(clients.docker(spec.engine), spec);
  }
}

/** What a backup of the target reads. */
export async function backupSource(clients: TargetClients, target: { id: string; spec: RecoveryTargetSpec; hasPassword: boolean }, signal: AbortSignal): Promise<BackupSource> {
  const { spec } = target;
  switch (spec.kind) {
    case 'files':
      return { kind: 'files', root: spec.root, excludes: spec.excludes };
    case 'postgres':
      return { kind: 'entries', entries: dumpEntries(spec, await password(clients, target.id, target.hasPassword), signal) };
    case 'kubernetes':
      return { kind: 'entries', entries: namespaceEntries(await clients.kube(spec.context), spec, signal) };
    case 'docker-volume':
      return { kind: 'entries', entries: volumeEntries(clients.docker(spec.engine), spec, signal) };
  }
}

/** Counts bytes as they pass, for progress on restores that stream one file into a tool. */
function counted(input: Readable, total: number, onProgress?: ProgressListener): Readable {
  let done = 0;
  const started = Date.now();
  const meter = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      done += chunk.length;
      const seconds = (Date.now() - started) / 1000;
      onProgress?.({ phase: 'restore', bytesDone: done, bytesTotal: total, filesDone: 0, filesTotal: 1, bytesPerSecond: seconds > 0 ? done / seconds : 0 });
      cb(null, chunk);
    },
  });
  input.on('error', (err) => meter.destroy(err));
  return input.pipe(meter);
}

function mismatch(spec: RecoveryTargetSpec, into: RestoreInto): never {
  throw new OpsdeckError('BAD_REQUEST', `A ${spec.kind} snapshot restores as ${spec.kind}, not ${into.kind}.`);
}

/** Restores one snapshot of the target into `into`; returns how to undo it. */
export async function restoreTarget(
  clients: TargetClients,
  target: { id: string; spec: RecoveryTargetSpec; hasPassword: boolean },
  reader: SnapshotReader,
  into: RestoreInto,
  signal: AbortSignal,
  onProgress?: ProgressListener,
): Promise<Undo> {
  const { spec } = target;
  if (spec.kind !== into.kind) mismatch(spec, into);
  switch (spec.kind) {
    case 'files': {
      const dest = (into as Extract<RestoreInto, { kind: 'files' }>).destination;
      const existed = fs.existsSync(dest);
      await reader.restoreFiles(dest, (into as Extract<RestoreInto, { kind: 'files' }>).include, signal, onProgress);
      return existed ? null : () => fs.promises.rm(dest, { recursive: true, force: true });
    }
    case 'postgres': {
      const database = (into as Extract<RestoreInto, { kind: 'postgres' }>).database;
      const pass = await password(clients, target.id, target.hasPassword);
      const file = dumpPath(spec);
      const stream = counted(await reader.open(file), await reader.size(file), onProgress);
      const { created } = await restoreDump(spec, pass, stream, database, signal);
      return created ? () => dropDatabase(spec, pass, database) : null;
    }
    case 'kubernetes': {
      const api = await clients.kube(spec.context);
      const files = await reader.files();
      const docs: NamespaceDocument[] = [];
      for (const path of files) docs.push({ path, text: (await reader.read(path)).toString('utf8') });
      const result = await restoreNamespaces(api, docs, (into as Extract<RestoreInto, { kind: 'kubernetes' }>).namespaces, signal);
      onProgress?.({ phase: 'restore', bytesDone: 0, filesDone: result.created + result.existing, filesTotal: docs.length, bytesPerSecond: 0 });
      const made = result.createdNamespaces;
      return made.length > 0 ? async () => void (await Promise.all(made.map((ns) => deleteNamespace(api, ns)))) : null;
    }
    case 'docker-volume': {
      const docker = clients.docker(spec.engine);
      const volume = (into as Extract<RestoreInto, { kind: 'docker-volume' }>).volume;
      const file = volumeTarPath(spec.volume);
      const tar = counted(await reader.open(file), await reader.size(file), onProgress);
      const { created } = await restoreVolume(docker, spec.helperImage, tar, volume, signal);
      return created ? () => removeVolume(docker, volume) : null;
    }
  }
}
