import { MAX_LOG_LINES } from '@contract/types';
import { useFollowedLog, type FollowedLog, type LogChannels, type LogReadOptions } from '../logs/useFollowedLog';

interface PodLogTarget {
  context: string;
  namespace: string;
  pod: string;
  container: string;
  previous: boolean;
  timestamps: boolean;
}

const POD_LOG: LogChannels<PodLogTarget, string, null> = {
  maxLines: MAX_LOG_LINES,
  read: (client, target) => client.call('k8s.logs', target).then((read) => ({ ...read, facts: null })),
  follow: (client, target) => client.call('k8s.logs.follow', target).then(({ streamId }) => ({ streamId, facts: null })),
  stop: (client, streamId) => client.call('k8s.logs.stop', { streamId }),
  onChunk: (client, listener) => client.on('k8s.logChunk', listener),
};

/** One pod container's log, read once (k8s.logs) or followed (k8s.logs.follow and its k8s.logChunk events). */
export const usePodLog = (options: PodLogTarget & LogReadOptions): FollowedLog<string, null> => useFollowedLog(POD_LOG, options);
