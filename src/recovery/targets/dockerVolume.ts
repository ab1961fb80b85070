import type Docker from 'dockerode';
import { PassThrough, Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { OpsdeckError, type RecoveryTargetSpec } from '../../contract';
import type { SourceEntry } from '../repository/types';

export type DockerVolumeSpec = Extract<RecoveryTargetSpec, { kind: 'docker-volume' }>;

export const volumeTarPath = (volume: string) => `${volume}.tar`;

const MOUNT = '/volume';
const HELPER_LABEL = { 'org.opsdeck.recovery': 'volume-helper' };

interface Helper {
  container: Docker.Container;
  /** stdout (the tar when backing up); stderr is kept for the message. */
  stdout: Readable;
  stdin: NodeJS.WritableStream | null;
  /** Resolves when the helper exited 0 (and is removed); rejects with its stderr otherwise. */
  done: Promise<void>;
}

/**
 * A short-lived busybox container with the volume mounted, running tar; removed when it ends.
 * Runs with no network; the image must already be on the engine (Opsdeck pulls nothing).
 */
async function startHelper(docker: Docker, spec: { volume: string; helperImage: string }, cmd: string[], withStdin: boolean, signal?: AbortSignal): Promise<Helper> {
  const container = await docker
    .createContainer({
      Image: spec.helperImage,
      Cmd: ['/bin/busybox', ...cmd],
      Labels: HELPER_LABEL,
      AttachStdin: withStdin,
      OpenStdin: withStdin,
      StdinOnce: withStdin,
      AttachStdout: true,
      AttachStderr: true,
      HostConfig: { Binds: [`${spec.volume}:${MOUNT}${withStdin ? '' : ':ro'}`], NetworkMode: 'none' },
    })
    .catch((err: Error & { statusCode?: number }) => {
      if (err.statusCode === 404) throw new OpsdeckError('UNAVAILABLE', `The helper image ${spec.helperImage} is not on this engine: pull it first (docker pull ${spec.helperImage}).`);
      throw err;
    });
  const stream = (await container.attach({ stream: true, stdin: withStdin, stdout: true, stderr: true, hijack: withStdin })) as NodeJS.ReadWriteStream;
  const stdout = new PassThrough();
  let stderr = '';
  const errSink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      if (stderr.length < 8192) stderr += chunk.toString('utf8');
      cb();
    },
  });
  docker.modem.demuxStream(stream, stdout, errSink);
  stream.on('end', () => stdout.end());
  const abort = () => void container.kill().catch(() => undefined);
  signal?.addEventListener('abort', abort, { once: true });
  await container.start();
  const done = (async () => {
    try {
      const { StatusCode } = (await container.wait()) as { StatusCode: number };
      if (signal?.aborted) throw new OpsdeckError('UNAVAILABLE', 'Cancelled.');
      if (StatusCode !== 0) throw new OpsdeckError('UNAVAILABLE', `The volume helper (tar) failed with exit code ${StatusCode}: ${stderr.trim()}`);
    } finally {
      signal?.removeEventListener('abort', abort);
      await container.remove({ force: true }).catch(() => undefined);
    }
  })();
  done.catch(() => undefined);
  return { container, stdout, stdin: withStdin ? stream : null, done };
}

/** Checks the engine has the volume and the helper image. */
export async function checkVolume(docker: Docker, spec: DockerVolumeSpec): Promise<void> {
  await docker
    .getVolume(spec.volume)
    .inspect()
    .catch(() => {
      throw new OpsdeckError('NOT_FOUND', `Volume ${spec.volume} does not exist on engine ${spec.engine}.`);
    });
  await docker
    .getImage(spec.helperImage)
    .inspect()
    .catch(() => {
      throw new OpsdeckError('UNAVAILABLE', `The helper image ${spec.helperImage} is not on engine ${spec.engine}: pull it first.`);
    });
}

/** The volume's content as one tar entry, read from the helper's stdout. */
export async function* volumeEntries(docker: Docker, spec: DockerVolumeSpec, signal?: AbortSignal): AsyncGenerator<SourceEntry> {
  const helper = await startHelper(docker, spec, ['tar', '-c', '-f', '-', '-C', MOUNT, '.'], false, signal);
  yield { path: volumeTarPath(spec.volume), mode: 0o600, mtimeMs: Date.now(), data: helper.stdout };
  await helper.done;
}

/** Untars a snapshot's tar into a volume, created when missing (and reported so it can be removed on rollback). */
export async function restoreVolume(docker: Docker, helperImage: string, tar: Readable, volume: string, signal?: AbortSignal): Promise<{ created: boolean }> {
  const existed = await docker
    .getVolume(volume)
    .inspect()
    .then(
      () => true,
      () => false,
    );
  if (!existed) await docker.createVolume({ Name: volume, Labels: { 'org.opsdeck.recovery': 'restored' } });
  try {
    const helper = await startHelper(docker, { volume, helperImage }, ['tar', '-x', '-f', '-', '-C', MOUNT], true, signal);
    helper.stdout.resume();
    await pipeline(tar, helper.stdin as NodeJS.WritableStream);
    await helper.done;
  } catch (err) {
    if (!existed) await removeVolume(docker, volume);
    throw err;
  }
  return { created: !existed };
}

export async function removeVolume(docker: Docker, volume: string): Promise<void> {
  await docker
    .getVolume(volume)
    .remove({ force: true })
    .catch(() => undefined);
}
