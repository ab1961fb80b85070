// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { containerKey, containersRouteFromHash, hashWithContainersRoute, parseContainerKey } from '../../../renderer/src/views/containers/containersRoute';
import { DB, defaultList, dockerHost, engine, engines, LONE, WEB } from './containersFixtures';
import type { Handlers } from './helpers/fakeClient';
import { LAZY, NOW, renderApp } from './helpers/renderApp';

beforeEach(() => history.replaceState(null, '', '/#/containers'));
afterEach(cleanup);

const renderContainers = (over: Handlers = {}) => renderApp({ tab: 'containers', handlers: dockerHost(over) });

/** The table's lines in order: "group:<project>" or the container's name. */
const tableLines = () =>
  [...document.querySelectorAll('[data-testid="containers-scroll"] tbody tr')]
    .filter((r) => r.hasAttribute('data-group') || r.hasAttribute('data-container'))
    .map((r) => (r.hasAttribute('data-group') ? `group:${r.getAttribute('data-group')}` : r.getAttribute('data-container')));

describe('containers route', () => {
  it('reads and writes the hash query, keeping other parameters and leaving defaults out', () => {
    const route = containersRouteFromHash('#/containers?engine=ci&view=images&q=web&state=running&sort=cpu&dir=desc&c=ci%3A' + 'a'.repeat(12) + '&x=1');
    expect(route).toMatchObject({ engine: 'ci', section: 'images', text: 'web', state: 'running', sort: 'cpu', dir: 'desc', selected: `ci:${'a'.repeat(12)}` });
    expect(containersRouteFromHash('#/containers?state=bogus&sort=nope&view=other&c=not-a-key')).toMatchObject({ state: null, sort: 'name', section: 'containers', selected: null });
    expect(hashWithContainersRoute('#/containers?x=1', { ...route, section: 'containers', text: '' })).toBe(
      `#/containers?x=1&engine=ci&state=running&sort=cpu&dir=desc&c=ci%3A${'a'.repeat(12)}`,
    );
  });

  it('splits a container key at the last colon, so engine names may hold colons', () => {
    expect(parseContainerKey(containerKey('tcp:lab', 'f'.repeat(64)))).toEqual({ engine: 'tcp:lab', id: 'f'.repeat(64) });
    expect(parseContainerKey('lab:xyz')).toBeNull();
  });
});

describe('Containers: engines', () => {
  it('explains how to start an engine when none is found, without an error', async () => {
    renderContainers({ 'docker.engines': () => engines([]) });
    const empty = await screen.findByTestId('no-engines', {}, LAZY);
    const text = empty.textContent!;
    for (const way of ['Docker Desktop', 'sudo systemctl start docker', 'systemctl --user start podman.socket', 'DOCKER_HOST', 'No Docker or Podman engine found.']) expect(text).toContain(way);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(within(empty).getByRole('button', { name: 'Add a remote engine…' })).toBeTruthy();
  });

  it('lists several engines with state, version and the engine’s own words for a failure', async () => {
    renderContainers({
      'docker.engines': () =>
        engines([
          engine(),
          engine({ name: 'podman-rootless', source: 'podman-rootless', endpoint: 'unix:///run/user/1000/podman/podman.sock', state: 'unreachable', message: 'connect ENOENT /run/user/1000/podman/podman.sock', version: null, product: null, current: false, nextRetryAt: NOW + 4000 }),
        ]),
    });
    const table = await screen.findByRole('table', { name: 'Container engines' }, LAZY);
    const row = (name: string) => table.querySelector(`[data-engine="${name}"]`)!.textContent!;
    expect(row('default')).toContain('Docker Engine - Community 27.3.1');
    expect(row('default')).toContain('connected');
    expect(row('default')).toContain('2 running / 3');
    expect(row('podman-rootless')).toContain('unreachable');
    expect(row('podman-rootless')).toContain('connect ENOENT /run/user/1000/podman/podman.sock');
  });

  it('says how to start an engine while none of those found is connected', async () => {
    renderContainers({
      'docker.engines': () => engines([engine({ state: 'unreachable', message: 'connect ENOENT /var/run/docker.sock', version: null, product: null })]),
      'docker.containers': () => ({ total: 0, matched: 0, groups: [], synced: false, statsIntervalMs: 2000 }),
    });
    const hint = await screen.findByTestId('none-connected', {}, LAZY);
    expect(hint.textContent).toContain('sudo systemctl start docker');
    expect(screen.getByRole('table', { name: 'Container engines' }).textContent).toContain('connect ENOENT /var/run/docker.sock');
  });

  it('adds a remote engine with TLS files', async () => {
    const view = renderContainers({ 'docker.addEngine': ({ name }) => engines([engine(), engine({ name, source: 'added', endpoint: 'tcp://build:2376', tls: 'files' })]) });
    fireEvent.click(await screen.findByRole('button', { name: 'Add engine…' }, LAZY));
    const dialog = screen.getByRole('dialog');
    const add = within(dialog).getByRole('button', { name: 'Add engine' }) as HTMLButtonElement;
    expect(add.disabled).toBe(true);
    fireEvent.change(within(dialog).getByLabelText('Name'), { target: { value: 'build' } });
    fireEvent.change(within(dialog).getByLabelText('Address'), { target: { value: 'tcp://build:2376' } });
    fireEvent.change(within(dialog).getByLabelText('CA file (ca.pem)'), { target: { value: '/certs/ca.pem' } });
    fireEvent.change(within(dialog).getByLabelText('Client certificate file (cert.pem)'), { target: { value: '/certs/cert.pem' } });
    expect(add.disabled).toBe(true);
    fireEvent.change(within(dialog).getByLabelText('Client key file (key.pem)'), { target: { value: '/certs/key.pem' } });
    fireEvent.click(add);
    await waitFor(() => expect(screen.getByRole('table', { name: 'Container engines' }).querySelector('[data-engine="build"]')).toBeTruthy());
    expect(view.callsTo('docker.addEngine')[0]?.input).toEqual({ name: 'build', host: 'tcp://build:2376', tls: { mode: 'files', caPath: '/certs/ca.pem', certPath: '/certs/cert.pem', keyPath: '/certs/key.pem' } });
  });
});

describe('Containers: the table', () => {
  it('groups containers by Compose project with state, health, ports, uptime, restarts and stats', async () => {
    renderContainers();
    await screen.findByTestId('containers-scroll', {}, LAZY);
    expect(tableLines()).toEqual(['group:shop', 'shop-web-1', 'shop-db-1', 'group:', 'scratch']);
    const groupRow = document.querySelector('tr[data-group="shop"]')!;
    expect(groupRow.textContent).toContain('2 of 2 running');
    expect(document.querySelector('tr[data-group=""]')!.textContent).toContain('Not in a Compose project');
    const web = document.querySelector('tr[data-container="shop-web-1"]')!.textContent!;
    expect(web).toContain('healthy');
    expect(web).toContain('8080→80/tcp');
    expect(web).not.toContain('8080→80/tcp, 8080→80/tcp');
    expect(web).toMatch(/5m \d+s/);
    expect(web).toContain('12.5%');
    expect(web).toContain('64.0 MiB / 512 MiB');
    expect(document.querySelector('tr[data-container="shop-web-1"]')!.querySelectorAll('.sparkline').length).toBe(2);
    expect(document.querySelector('tr[data-container="scratch"]')!.getAttribute('data-state')).toBe('exited');
  });

  it('folds a Compose project away and back with a click on its heading', async () => {
    renderContainers();
    await screen.findByTestId('containers-scroll', {}, LAZY);
    fireEvent.click(document.querySelector('tr[data-group="shop"]')!);
    expect(tableLines()).toEqual(['group:shop', 'group:', 'scratch']);
    expect(document.querySelector('tr[data-group="shop"]')!.getAttribute('data-collapsed')).toBe('true');
    expect(screen.queryByTestId('container-detail')).toBeNull();
    fireEvent.click(document.querySelector('tr[data-group="shop"]')!);
    expect(tableLines()).toEqual(['group:shop', 'shop-web-1', 'shop-db-1', 'group:', 'scratch']);
  });

  it('asks the host to sort and filter, and keeps both in the URL', async () => {
    const view = renderContainers();
    await screen.findByTestId('containers-scroll', {}, LAZY);
    expect(view.callsTo('docker.containers')[0]?.input).toEqual({ sort: 'name', dir: 'asc' });
    fireEvent.click(screen.getByRole('button', { name: /^CPU/ }));
    await waitFor(() => expect(view.callsTo('docker.containers').at(-1)?.input).toEqual({ sort: 'cpu', dir: 'desc' }));
    fireEvent.click(screen.getByRole('button', { name: /^CPU/ }));
    await waitFor(() => expect(view.callsTo('docker.containers').at(-1)?.input).toEqual({ sort: 'cpu', dir: 'asc' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'State' }), { target: { value: 'exited' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Compose project' }), { target: { value: 'shop' } });
    const filter = screen.getByRole('searchbox');
    fireEvent.change(filter, { target: { value: 'web' } });
    fireEvent.keyDown(filter, { key: 'Enter' });
    await waitFor(() => expect(view.callsTo('docker.containers').at(-1)?.input).toEqual({ text: 'web', state: 'exited', project: 'shop', sort: 'cpu', dir: 'asc' }));
    expect([...new URLSearchParams(location.hash.split('?')[1])].sort()).toEqual([['project', 'shop'], ['q', 'web'], ['sort', 'cpu'], ['state', 'exited']]);
  });

  it('focuses the filter on "/", moves with the arrows, opens with Enter and closes with Esc', async () => {
    renderContainers();
    const scroll = await screen.findByTestId('containers-scroll', {}, LAZY);
    fireEvent.keyDown(document.body, { key: '/' });
    expect(document.activeElement).toBe(screen.getByRole('searchbox'));
    scroll.focus();
    fireEvent.keyDown(scroll, { key: 'ArrowDown' });
    fireEvent.keyDown(scroll, { key: 'ArrowDown' });
    fireEvent.keyDown(scroll, { key: 'Enter' });
    const pane = await screen.findByTestId('container-detail');
    expect(pane.dataset.container).toBe(WEB.id);
    expect(location.hash).toContain(`c=default%3A${WEB.id}`);
    await within(pane).findByRole('heading', { name: 'shop-web-1' });
    fireEvent.keyDown(window, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByTestId('container-detail')).toBeNull());
    expect(location.hash).not.toContain('c=');
  });

  it('refetches once per burst of docker.changed events, only for what it shows', async () => {
    const view = renderContainers();
    await screen.findByTestId('containers-scroll', {}, LAZY);
    const before = view.callsTo('docker.containers').length;
    act(() => view.emit('docker.changed', { engine: 'default', kinds: ['images'], at: NOW }));
    for (let i = 0; i < 5; i++) act(() => view.emit('docker.changed', { engine: 'default', kinds: ['stats'], at: NOW + i }));
    await waitFor(() => expect(view.callsTo('docker.containers').length).toBe(before + 1));
    await act(() => new Promise((r) => setTimeout(r, 400)));
    expect(view.callsTo('docker.containers').length).toBe(before + 1);
  });

  it('says so when no container matches, and while an engine has not listed its containers yet', async () => {
    history.replaceState(null, '', '/#/containers?q=nothing');
    renderContainers({ 'docker.containers': ({ state }) => ({ ...defaultList(), groups: [], matched: 0, synced: state !== 'dead' }) });
    expect(await screen.findByText('No containers match these filters.', {}, LAZY)).toBeTruthy();
    fireEvent.change(screen.getByRole('combobox', { name: 'State' }), { target: { value: 'dead' } });
    expect(await screen.findByText(/Listing containers…/)).toBeTruthy();
    expect(screen.queryByText('No containers match these filters.')).toBeNull();
  });
});

describe('Containers: the detail pane', () => {
  it('opens from the URL with charts, inspect JSON and events', async () => {
    history.replaceState(null, '', `/#/containers?c=default%3A${DB.id}`);
    const view = renderContainers({ 'docker.events': () => [{ engine: 'default', at: NOW, type: 'container', action: 'die', id: DB.id, name: 'shop-db-1', attributes: { exitCode: '137' } }] });
    const pane = await screen.findByTestId('container-detail', {}, LAZY);
    expect(await within(pane).findByTestId('container-chart-cpu')).toBeTruthy();
    expect(within(pane).getByTestId('container-chart-network').dataset.points).toBe('1');
    fireEvent.click(within(pane).getByRole('tab', { name: 'Inspect' }));
    expect(within(pane).getByTestId('container-inspect').textContent).toContain(DB.id);
    expect(location.hash).toContain('pane=inspect');
    fireEvent.click(within(pane).getByRole('tab', { name: 'Events' }));
    const timeline = await within(pane).findByTestId('event-timeline');
    expect(timeline.textContent).toContain('die');
    expect(timeline.textContent).toContain('exit code 137');
    expect(view.callsTo('docker.events').at(-1)?.input).toEqual({ engine: 'default', id: DB.id, limit: 200 });
  });
});
