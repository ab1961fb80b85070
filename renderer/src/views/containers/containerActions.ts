import type { DockerAction, DockerContainerRow } from '@contract';

/** One change a container's state allows; `confirm` holds what the dialog says before a destructive one. */
export interface ContainerActionChoice {
  label: string;
  action: DockerAction;
  confirm: { title: string; statement: string } | null;
}

/** Signals a kill can send, the default first. */
export const KILL_SIGNALS = ['SIGKILL', 'SIGTERM', 'SIGINT', 'SIGHUP', 'SIGQUIT', 'SIGUSR1', 'SIGUSR2'] as const;

/** What the confirmation dialog lets one choose before a kill or a removal. */
export interface ActionOptions {
  removeVolumes: boolean;
  signal: (typeof KILL_SIGNALS)[number];
}

export const DEFAULT_ACTION_OPTIONS: ActionOptions = { removeVolumes: false, signal: 'SIGKILL' };

/** The changes that make sense in the container's state, in the order the buttons show them. */
export function containerActions(row: DockerContainerRow, { removeVolumes, signal }: ActionOptions): ContainerActionChoice[] {
  const { engine, id, name, state } = row;
  const on = `on engine ${engine}`;
  const choice = (label: string, action: DockerAction, statement: string | null): ContainerActionChoice => ({
    label,
    action,
    confirm: statement === null ? null : { title: `${label} container`, statement },
  });
  const live = state === 'running' || state === 'restarting';
  const list: ContainerActionChoice[] = [];
  if (!live && state !== 'paused' && state !== 'removing') list.push(choice('Start', { engine, action: 'container.start', id }, null));
  if (state === 'paused') list.push(choice('Unpause', { engine, action: 'container.unpause', id }, null));
  if (live) {
    list.push(choice('Stop', { engine, action: 'container.stop', id }, `Stop ${name} ${on}? It gets SIGTERM, then SIGKILL after its stop timeout.`));
    list.push(choice('Restart', { engine, action: 'container.restart', id }, `Restart ${name} ${on}? It is stopped and started again.`));
  }
  if (state === 'running') list.push(choice('Pause', { engine, action: 'container.pause', id }, `Pause ${name} ${on}? Its processes are frozen until it is unpaused.`));
  if (live || state === 'paused')
    list.push(
      choice(
        'Kill',
        { engine, action: 'container.kill', id, signal },
        signal === 'SIGKILL' ? `Kill ${name} ${on} with SIGKILL? Its processes end at once, without cleanup.` : `Send ${signal} to ${name} ${on}?`,
      ),
    );
  if (state !== 'removing') {
    const force = live || state === 'paused';
    list.push(
      choice(
        'Remove',
        { engine, action: 'container.remove', id, force, volumes: removeVolumes },
        `Remove ${name} ${on}?${force ? ' It is running, so it is killed first.' : ''} Its writable layer is deleted; this cannot be undone.`,
      ),
    );
  }
  return list;
}
