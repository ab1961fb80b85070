import type { DockerLogLine } from '@contract';
import { MAX_DOCKER_LOG_LINES } from '@contract/types';
import { useFollowedLog, type FollowedLog, type LogChannels, type LogReadOptions } from '../../components/logs/useFollowedLog';

interface ContainerLogTarget {
  engine: string;
  id: string;
  timestamps: boolean;
}

/** Whether the container has a TTY: then stdout and stderr are one stream. */
interface ContainerLogFacts {
  tty: boolean;
}

const CONTAINER_LOG: LogChannels<ContainerLogTarget, DockerLogLine, ContainerLogFacts> = {
  maxLines: MAX_DOCKER_LOG_LINES,
  read: (client, target) =>
    client.call('docker.logs', { ...target, tailLines: Math.max(1, target.tailLines) }).then(({ lines, truncated, tty }) => ({ lines, truncated, facts: { tty } })),
  follow: (client, target) => client.call('docker.logs.follow', target).then(({ streamId, tty }) => ({ streamId, facts: { tty } })),
  stop: (client, streamId) => client.call('docker.logs.stop', { streamId }),
  onChunk: (client, listener) => client.on('docker.logChunk', listener),
};

/** A container's log, read once (docker.logs) or followed (docker.logs.follow and its docker.logChunk events). */
export const useContainerLog = (options: ContainerLogTarget & LogReadOptions): FollowedLog<DockerLogLine, ContainerLogFacts> => useFollowedLog(CONTAINER_LOG, options);
