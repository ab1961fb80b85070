import { finished, type Readable } from 'node:stream';
import { OpsdeckError } from '../contract/errors';
import type { K8sContexts, K8sLogChunk } from '../contract/types';
import { actionError } from './actions';
import type { KubeApi } from './kubeApi';
import { KubeApiError } from './kubeApiError';
import { LogBatcher } from '../util/logBatcher';
import { lineBytes, LogLineSplitter } from './logLines';
import { brokenOff, logPath, type LogTarget } from './podLogs';

export interface FollowRequest extends LogTarget {
  context: string;
  tailLines: number;
}

export interface LogStreamsOptions {
  /** The API client of an enabled context (throws when it is not). */
  api(context: string): Promise<KubeApi>;
  emit(chunk: K8sLogChunk): void;
  /** Default 20. */
  maxStreams?: number;
  /** Chunks go out at most this often per stream (default 100 ms). */
  windowMs?: number;
}

const OPEN_TIMEOUT_MS = 30_000;

interface Stream {
  context: string;
  body: Readable;
  batcher: LogBatcher<string>;
}

/**
 * Followed container logs: each stream's lines go out as k8s.logChunk events, batched.
 * A stream ends when the server ends it (container stopped, pod deleted), when it is
 * stopped, when its context is disabled, or when the host stops.
 */
export class LogStreams {
  private readonly streams = new Map<string, Stream>();
  private opening = 0;
  private nextId = 1;
  private stopped = false;
  private readonly maxStreams: number;

  constructor(private readonly options: LogStreamsOptions) {
    this.maxStreams = options.maxStreams ?? 20;
  }

  /** Resolves once the API server has accepted the request, so its refusals come back as the call's error. */
  async follow(request: FollowRequest): Promise<{ streamId: string }> {
    if (this.stopped) throw new OpsdeckError('UNAVAILABLE', 'Opsdeck is stopping.');
    if (this.streams.size + this.opening >= this.maxStreams) {
      throw new OpsdeckError('UNAVAILABLE', `At most ${this.maxStreams} logs can be followed at once: stop one first.`);
    }
    this.opening++;
    // Only the wait for the answer is bounded: a quiet log may then send nothing for hours.
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), OPEN_TIMEOUT_MS);
    let body: Readable;
    try {
      const session = await (await this.options.api(request.context)).session();
      body = await session.openStream(logPath(request, { tailLines: request.tailLines, follow: true }), abort.signal, 0);
    } catch (err) {
      throw actionError(abort.signal.aborted ? new KubeApiError('unreachable', `The API server did not answer within ${OPEN_TIMEOUT_MS / 1000} s`) : err);
    } finally {
      clearTimeout(timer);
      this.opening--;
    }
    if (this.stopped) {
      body.destroy();
      throw new OpsdeckError('UNAVAILABLE', 'Opsdeck is stopping.');
    }
    const streamId = `log-${this.nextId++}`;
    this.pump(streamId, request.context, body);
    return { streamId };
  }

  /** Ends a stream; its last lines and the end go out as a final chunk. */
  stop(streamId: string): boolean {
    return this.end(streamId, null);
  }

  /** Ends the streams of contexts that are no longer enabled. */
  retain(contexts: K8sContexts): void {
    const enabled = new Set(contexts.contexts.filter((c) => c.enabled).map((c) => c.name));
    for (const [id, stream] of this.streams) {
      if (!enabled.has(stream.context)) this.end(id, `Context "${stream.context}" is no longer enabled.`);
    }
  }

  /** Ends every stream without sending anything more (the host is stopping). */
  stopAll(): void {
    this.stopped = true;
    for (const stream of this.streams.values()) {
      stream.batcher.cancel();
      stream.body.destroy();
    }
    this.streams.clear();
  }

  private pump(streamId: string, context: string, body: Readable): void {
    const splitter = new LogLineSplitter();
    const batcher = new LogBatcher<string>({
      windowMs: this.options.windowMs,
      sizeOf: lineBytes,
      send: (batch) => this.options.emit({ streamId, ...batch }),
      drained: () => {
        if (body.isPaused()) body.resume();
      },
    });
    this.streams.set(streamId, { context, body, batcher });
    body.on('data', (chunk: Buffer) => {
      batcher.add(splitter.push(chunk));
      if (batcher.full) body.pause();
    });
    finished(body, (err) => {
      if (!this.streams.has(streamId)) return;
      if (err) return void this.end(streamId, brokenOff(err).message);
      batcher.add(splitter.end());
      this.end(streamId, null);
    });
  }

  private end(streamId: string, error: string | null): boolean {
    const stream = this.streams.get(streamId);
    if (!stream) return false;
    this.streams.delete(streamId);
    stream.body.destroy();
    stream.batcher.end(error);
    return true;
  }
}
