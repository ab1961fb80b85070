// @vitest-environment happy-dom
import type { DockerAction, DockerPrunePlan } from '@contract';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { container, DB, dockerHost, group, list, LONE, MIB, WEB } from './containersFixtures';
import type { Handlers } from './helpers/fakeClient';
import { LAZY, renderApp } from './helpers/renderApp';

afterEach(cleanup);

const PAUSED = container('paused-one', { state: 'paused', status: 'Up 1 minute (Paused)' });

function renderPane(id: string, over: Handlers = {}) {
  history.replaceState(null, '', `/#/containers?c=default%3A${id}`);
  return renderApp({
    tab: 'containers',
    handlers: dockerHost({
      'docker.containers': () => list([group('shop', [WEB, DB]), group(null, [LONE, PAUSED])]),
      'docker.inspect': ({ id: wanted }) => {
        const row = [WEB, DB, LONE, PAUSED].find((c) => c.id === wanted)!;
        return { row, tty: false, entrypoint: [], cmd: [], env: [], labels: {}, mounts: [], networks: [], restartPolicy: 'no', json: '{}' };
      },
      'docker.action': (a) => ({ message: `${a.action} done`, auditId: 1 }),
      ...over,
    }),
  });
}

const actionButtons = (pane: HTMLElement) => within(within(pane).getByRole('group', { name: 'Container actions' })).getAllByRole('button').map((b) => b.textContent);

describe('container actions', () => {
  it('offers the actions the state allows', async () => {
    renderPane(WEB.id);
    const pane = await screen.findByTestId('container-detail', {}, LAZY);
    await waitFor(() => expect(actionButtons(pane)).toEqual(['Stop…', 'Restart…', 'Pause…', 'Kill…', 'Remove…']));
    cleanup();
    renderPane(PAUSED.id);
    const paused = await screen.findByTestId('container-detail', {}, LAZY);
    await waitFor(() => expect(actionButtons(paused)).toEqual(['Unpause', 'Kill…', 'Remove…']));
  });

  const CONFIRMED: [string, string, DockerAction][] = [
    ['Stop', WEB.id, { engine: 'default', action: 'container.stop', id: WEB.id }],
    ['Restart', WEB.id, { engine: 'default', action: 'container.restart', id: WEB.id }],
    ['Pause', WEB.id, { engine: 'default', action: 'container.pause', id: WEB.id }],
    ['Kill', WEB.id, { engine: 'default', action: 'container.kill', id: WEB.id, signal: 'SIGKILL' }],
    ['Remove', WEB.id, { engine: 'default', action: 'container.remove', id: WEB.id, force: true, volumes: false }],
    ['Remove', LONE.id, { engine: 'default', action: 'container.remove', id: LONE.id, force: false, volumes: true }],
    ['Kill', PAUSED.id, { engine: 'default', action: 'container.kill', id: PAUSED.id, signal: 'SIGTERM' }],
  ];

  it.each(CONFIRMED)('%s asks first, and only the confirm button sends it', async (label, id, action) => {
    const view = renderPane(id);
    const pane = await screen.findByTestId('container-detail', {}, LAZY);
    fireEvent.click(await within(pane).findByRole('button', { name: `${label}…` }));
    const dialog = screen.getByRole('dialog');
    expect(dialog.textContent).toContain([WEB, LONE, PAUSED].find((c) => c.id === id)!.name);
    expect(view.callsTo('docker.action')).toHaveLength(0);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(view.callsTo('docker.action')).toHaveLength(0);

    fireEvent.click(within(pane).getByRole('button', { name: `${label}…` }));
    const again = screen.getByRole('dialog');
    if (action.action === 'container.remove' && action.volumes) fireEvent.click(within(again).getByRole('checkbox', { name: 'Also remove its anonymous volumes' }));
    if (action.action === 'container.kill' && action.signal !== 'SIGKILL') {
      fireEvent.change(within(again).getByRole('combobox', { name: 'Signal' }), { target: { value: action.signal } });
      expect(again.textContent).toContain(`Send ${action.signal} to paused-one on engine default?`);
    }
    fireEvent.click(within(again).getByRole('button', { name: label }));
    await waitFor(() => expect(view.callsTo('docker.action').map((c) => c.input)).toEqual([action]));
    // The dialog closes once the host has answered.
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    if (action.action === 'container.remove') {
      // Nothing is left to show of a removed container.
      await waitFor(() => expect(screen.queryByTestId('container-detail')).toBeNull());
      expect(location.hash).not.toContain('c=');
    } else {
      expect((await within(pane).findByTestId('container-action-result')).textContent).toBe(`${action.action} done`);
    }
  });

  it('starts a stopped container at once', async () => {
    const view = renderPane(LONE.id);
    const pane = await screen.findByTestId('container-detail', {}, LAZY);
    fireEvent.click(await within(pane).findByRole('button', { name: 'Start' }));
    await waitFor(() => expect(view.callsTo('docker.action').map((c) => c.input)).toEqual([{ engine: 'default', action: 'container.start', id: LONE.id }]));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('shows the engine’s error as it is and keeps the dialog open', async () => {
    const words = 'Error response from daemon: cannot stop container: permission denied';
    const view = renderPane(WEB.id, {
      'docker.action': () => {
        throw new Error(words);
      },
    });
    const pane = await screen.findByTestId('container-detail', {}, LAZY);
    fireEvent.click(await within(pane).findByRole('button', { name: 'Stop…' }));
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Stop' }));
    expect((await within(screen.getByRole('dialog')).findByRole('alert')).textContent).toBe(words);
    expect(view.callsTo('docker.action')).toHaveLength(1);
  });
});

const PLAN: DockerPrunePlan = {
  engine: 'default',
  containers: [{ id: LONE.id, name: 'scratch', sizeBytes: 2 * MIB }],
  images: [{ id: `sha256:${'c'.repeat(64)}`, tags: [], sizeBytes: 100 * MIB }],
  volumes: [{ name: 'old-data', sizeBytes: 10 * MIB }],
  reclaimableBytes: 112 * MIB,
};

describe('prune', () => {
  it('previews what would go and the space it frees, then prunes the chosen kinds and shows the result', async () => {
    history.replaceState(null, '', '/#/containers');
    const view = renderApp({
      tab: 'containers',
      handlers: dockerHost({
        'docker.prunePreview': ({ targets }) => ({
          ...PLAN,
          containers: targets.includes('containers') ? PLAN.containers : [],
          images: targets.includes('images') ? PLAN.images : [],
          volumes: targets.includes('volumes') ? PLAN.volumes : [],
          reclaimableBytes: targets.includes('volumes') ? 112 * MIB : 102 * MIB,
        }),
        'docker.prune': () => ({ message: 'done', auditId: 3, removed: { containers: [LONE.id], images: [PLAN.images[0]!.id], volumes: [] }, reclaimedBytes: 102 * MIB }),
      }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Prune…' }, LAZY));
    const dialog = screen.getByRole('dialog');
    const plan = await within(dialog).findByTestId('prune-plan');
    expect(plan.textContent).toContain('scratch (2.0 MiB)');
    expect(plan.textContent).toContain(`${'c'.repeat(12)} (100 MiB)`);
    expect(plan.textContent).toContain('old-data (10.0 MiB)');
    expect(dialog.textContent).toContain('freeing about 112 MiB');
    expect(view.callsTo('docker.prune')).toHaveLength(0);

    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Unused volumes' }));
    await waitFor(() => expect(dialog.textContent).toContain('freeing about 102 MiB'));
    expect(view.callsTo('docker.prunePreview').at(-1)?.input).toEqual({ engine: 'default', targets: ['containers', 'images'] });
    expect(within(dialog).getByTestId('prune-plan').textContent).not.toContain('old-data');

    fireEvent.click(within(dialog).getByRole('button', { name: 'Prune' }));
    await waitFor(() => expect(view.callsTo('docker.prune').map((c) => c.input)).toEqual([{ engine: 'default', targets: ['containers', 'images'] }]));
    const result = await screen.findByTestId('prune-result');
    expect(result.textContent).toContain('1 containers, 1 images and 0 volumes removed; 102 MiB freed');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('cannot be confirmed when there is nothing to remove', async () => {
    history.replaceState(null, '', '/#/containers');
    renderApp({ tab: 'containers', handlers: dockerHost({ 'docker.prunePreview': () => ({ engine: 'default', containers: [], images: [], volumes: [], reclaimableBytes: 0 }) }) });
    fireEvent.click(await screen.findByRole('button', { name: 'Prune…' }, LAZY));
    const dialog = screen.getByRole('dialog');
    expect(await within(dialog).findByText(/Nothing to remove/)).toBeTruthy();
    expect((within(dialog).getByRole('button', { name: 'Prune' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
