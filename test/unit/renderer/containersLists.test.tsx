// @vitest-environment happy-dom
import type { DockerEventRow, DockerImageRow, DockerVolumeRow } from '@contract';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { sortedBy } from '../../../renderer/src/views/containers/localSort';
import { sparkPoints } from '../../../renderer/src/views/containers/Sparkline';
import { statsPoints } from '../../../renderer/src/views/containers/statsSeries';
import { DB, dockerHost, MIB, stats } from './containersFixtures';
import type { Handlers } from './helpers/fakeClient';
import { LAZY, NOW, renderApp } from './helpers/renderApp';

afterEach(cleanup);

const image = (id: string, tags: string[], sizeBytes: number, over: Partial<DockerImageRow> = {}): DockerImageRow => ({
  engine: 'default',
  id: `sha256:${id.repeat(64)}`,
  tags,
  sizeBytes,
  createdAt: NOW - 86_400_000,
  dangling: tags.length === 0,
  unused: false,
  containers: 1,
  ...over,
});

const volume = (name: string, over: Partial<DockerVolumeRow> = {}): DockerVolumeRow => ({
  engine: 'default',
  name,
  driver: 'local',
  mountpoint: `/var/lib/docker/volumes/${name}/_data`,
  createdAt: NOW,
  sizeBytes: 5 * MIB,
  composeProject: null,
  usedBy: [],
  unused: true,
  ...over,
});

const IMAGES = [image('1', ['nginx:1.27'], 180 * MIB), image('2', [], 40 * MIB, { containers: 0, unused: true }), image('3', ['postgres:16', 'postgres:latest'], 400 * MIB)];

function renderSection(view: string, over: Handlers = {}) {
  history.replaceState(null, '', `/#/containers?view=${view}`);
  return renderApp({ tab: 'containers', handlers: dockerHost({ 'docker.images': () => IMAGES, 'docker.action': () => ({ message: 'Removed image', auditId: 4 }), ...over }) });
}

const rowNames = (attribute: string) => [...document.querySelectorAll(`tr[${attribute}]`)].map((r) => r.getAttribute(attribute));

describe('sortedBy', () => {
  it('sorts numbers and text either way, keeps ties in order and puts nulls last', () => {
    const rows = [{ k: 2 }, { k: null }, { k: 10 }, { k: 2 }];
    expect(sortedBy(rows, (r) => r.k, 'asc')).toEqual([rows[0], rows[3], rows[2], rows[1]]);
    expect(sortedBy(rows, (r) => r.k, 'desc')).toEqual([rows[2], rows[0], rows[3], rows[1]]);
    expect(sortedBy([{ k: 'b' }, { k: 'a' }], (r) => r.k, 'asc').map((r) => r.k)).toEqual(['a', 'b']);
  });
});

describe('sparkPoints', () => {
  it('spreads readings across the width, zero at the bottom and the top of the scale at the top, clamping above it', () => {
    expect(sparkPoints([0, 8, 16], 16)).toBe('0.0,17.0 32.0,9.0 64.0,1.0');
    expect(sparkPoints([0, 40], 20)).toBe('0.0,17.0 64.0,1.0');
    expect(sparkPoints([0, 0], 0)).toBe('0.0,17.0 64.0,17.0');
  });
});

describe('statsPoints', () => {
  it('turns I/O totals into rates between samples, counting from zero after a restart', () => {
    const points = statsPoints([
      stats({ at: 0, netRxBytes: 1000, netTxBytes: 0, blockReadBytes: 0, blockWriteBytes: 0 }),
      stats({ at: 2000, netRxBytes: 5000, netTxBytes: 2000, blockReadBytes: 4096, blockWriteBytes: 0 }),
      stats({ at: 4000, netRxBytes: 600, netTxBytes: 2000, blockReadBytes: 4096, blockWriteBytes: 8192 }),
    ]);
    expect(points.map((p) => [p.at, p.netRxBps, p.netTxBps, p.blockReadBps, p.blockWriteBps])).toEqual([
      [2000, 2000, 1000, 2048, 0],
      [4000, 300, 0, 0, 4096],
    ]);
    expect(statsPoints([stats()])).toEqual([]);
  });
});

describe('images', () => {
  it('lists images by size with tags, dangling and unused marked, sortable and filterable', async () => {
    renderSection('images');
    await screen.findByTestId('images-scroll', {}, LAZY);
    expect(rowNames('data-image')).toEqual(['postgres:16', 'nginx:1.27', '2'.repeat(12)]);
    const dangling = document.querySelector(`tr[data-image="${'2'.repeat(12)}"]`)!.textContent!;
    expect(dangling).toContain('<none>');
    expect(dangling).toContain('dangling');
    expect(dangling).toContain('unused');
    expect(document.querySelector('tr[data-image="postgres:16"]')!.textContent).toContain('postgres:16, postgres:latest');
    fireEvent.click(screen.getByRole('button', { name: /^Tags/ }));
    expect(rowNames('data-image')).toEqual(['nginx:1.27', 'postgres:16', '2'.repeat(12)]);
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'post' } });
    expect(rowNames('data-image')).toEqual(['postgres:16']);
  });

  it('removes an image only after a confirmation', async () => {
    const view = renderSection('images');
    await screen.findByTestId('images-scroll', {}, LAZY);
    fireEvent.click(screen.getByRole('button', { name: 'Remove image nginx:1.27' }));
    const dialog = screen.getByRole('dialog');
    expect(dialog.textContent).toContain('Remove image nginx:1.27');
    expect(dialog.textContent).toContain('1 containers use it');
    expect(view.callsTo('docker.action')).toHaveLength(0);
    fireEvent.click(within(dialog).getByRole('checkbox', { name: /Force/ }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Remove image' }));
    await waitFor(() => expect(view.callsTo('docker.action').map((c) => c.input)).toEqual([{ engine: 'default', action: 'image.remove', id: IMAGES[0]!.id, force: true }]));
    expect(await screen.findByText('Removed image')).toBeTruthy();
  });
});

describe('volumes', () => {
  it('shows size and the containers that use each volume', async () => {
    renderSection('volumes', {
      'docker.volumes': () => [volume('shop_db', { usedBy: [{ id: DB.id, name: 'shop-db-1' }], unused: false, composeProject: 'shop', sizeBytes: 300 * MIB }), volume('old', { sizeBytes: null })],
    });
    await screen.findByTestId('volumes-scroll', {}, LAZY);
    expect(rowNames('data-volume')).toEqual(['old', 'shop_db']);
    const used = document.querySelector('tr[data-volume="shop_db"]')!.textContent!;
    expect(used).toContain('shop-db-1');
    expect(used).toContain('300 MiB');
    expect(document.querySelector('tr[data-volume="old"]')!.textContent).toContain('unused');
  });
});

describe('events', () => {
  it('shows the engine events as a time line and asks the host for the chosen type and action', async () => {
    const view = renderSection('events', {
      'docker.events': (): DockerEventRow[] => [
        { engine: 'default', at: NOW, type: 'container', action: 'health_status: unhealthy', id: DB.id, name: 'shop-db-1', attributes: {} },
        { engine: 'default', at: NOW - 1000, type: 'container', action: 'oom', id: DB.id, name: 'shop-db-1', attributes: {} },
        { engine: 'default', at: NOW - 2000, type: 'container', action: 'start', id: DB.id, name: 'shop-db-1', attributes: { image: 'postgres:16' } },
      ],
    });
    const timeline = await screen.findByTestId('event-timeline', {}, LAZY);
    expect([...timeline.querySelectorAll('li')].map((li) => li.dataset.action)).toEqual(['health_status: unhealthy', 'oom', 'start']);
    expect(timeline.querySelectorAll('.event-row--bad')).toHaveLength(2);
    fireEvent.change(screen.getByRole('combobox', { name: 'Type' }), { target: { value: 'container' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Action' }), { target: { value: 'health_status' } });
    await waitFor(() => expect(view.callsTo('docker.events').at(-1)?.input).toEqual({ type: 'container', action: 'health_status', limit: 500 }));
    expect(location.hash).toContain('etype=container');
  });
});
