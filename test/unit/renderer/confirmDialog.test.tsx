// @vitest-environment happy-dom
import type { AuditEntry, ChannelInput, K8sOverview, K8sPodPage } from '@contract';
import { ContractCallError } from '@contract/errors';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConfirmDialog } from '../../../renderer/src/components/ConfirmDialog';
import { k8sContext } from './helpers/fixtures';
import { LAZY, NOW, renderApp } from './helpers/renderApp';

beforeEach(() => history.replaceState(null, '', '/#/clusters'));
afterEach(cleanup);

function renderDialog(onConfirm: () => Promise<void>) {
  const onClose = vi.fn();
  render(
    <ConfirmDialog title="Delete pod" statement="Delete pod shop/web-1 in context prod?" confirmLabel="Delete pod" onConfirm={onConfirm} onClose={onClose}>
      <input aria-label="Reason" />
    </ConfirmDialog>,
  );
  return { onClose, dialog: screen.getByRole('dialog', { name: 'Delete pod' }) };
}

describe('ConfirmDialog', () => {
  it('starts on Cancel, keeps focus inside, and confirms only from the confirm button', async () => {
    const onConfirm = vi.fn(async () => undefined);
    const { dialog, onClose } = renderDialog(onConfirm);
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(dialog.textContent).toContain('Delete pod shop/web-1 in context prod?');
    const input = screen.getByRole('textbox', { name: 'Reason' });
    const cancel = screen.getByRole('button', { name: 'Cancel' });
    const confirm = screen.getByRole('button', { name: 'Delete pod' });
    expect(document.activeElement).toBe(cancel);

    confirm.focus();
    fireEvent.keyDown(confirm, { key: 'Tab' });
    expect(document.activeElement).toBe(input);
    fireEvent.keyDown(input, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(confirm);

    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onConfirm).not.toHaveBeenCalled();

    fireEvent.click(confirm);
    await waitFor(() => expect(onClose).toHaveBeenCalledTimes(1));
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });

  it('cancels on Esc without confirming', () => {
    const onConfirm = vi.fn(async () => undefined);
    const { dialog, onClose } = renderDialog(onConfirm);
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(onConfirm).not.toHaveBeenCalled();
  });

  it('shows the failure as it is and stays open', async () => {
    const message = 'pods "web-1" is forbidden: User "dev" cannot delete resource "pods" in API group "" in the namespace "shop" (HTTP 403)';
    const { onClose } = renderDialog(async () => {
      throw new ContractCallError('k8s.action', { code: 'FORBIDDEN', message });
    });
    fireEvent.click(screen.getByRole('button', { name: 'Delete pod' }));
    expect((await screen.findByRole('alert')).textContent).toBe(message);
    expect(onClose).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Delete pod' }).hasAttribute('disabled')).toBe(false);
  });
});

const prod = k8sContext({ current: true, enabled: true, state: 'connected' });

const overview = (): K8sOverview => ({
  context: 'prod',
  state: 'connected',
  kinds: [],
  nodes: { total: 1, ready: 1, notReady: 0, unschedulable: 0, allocatableCpuMillis: 4000, allocatableMemoryBytes: 8 * 1024 ** 3 },
  pods: { total: 1, byPhase: { Pending: 0, Running: 1, Succeeded: 0, Failed: 0, Unknown: 0 }, restarts: 0 },
  deployments: { total: 1, notAtDesired: 1, lagging: [{ namespace: 'shop', name: 'web', desired: 3, ready: 1 }] },
  namespaces: { total: 1 },
});

const onePod = (input: ChannelInput<'k8s.pods'>): K8sPodPage => ({
  context: input.context,
  total: 1,
  matched: 1,
  offset: 0,
  synced: true,
  rows: [{ namespace: 'shop', name: 'web-1', uid: 'u1', phase: 'Running', status: 'Running', readyContainers: 1, containers: 1, restarts: 0, node: 'n1', createdAt: NOW }],
});

describe('Cluster actions in the Clusters tab', () => {
  it('deletes a pod after confirming, shows a refusal as the server said it, and lists the action', async () => {
    const audit: AuditEntry[] = [];
    let refuse = true;
    const view = renderApp({
      tab: 'clusters',
      handlers: {
        'k8s.contexts': () => ({ files: [prod.source], found: [prod.source], problems: [], currentContext: 'prod', contexts: [prod] }),
        'k8s.overview': overview,
        'k8s.namespaces': () => [{ name: 'shop', phase: 'Active', pods: 1 }],
        'k8s.pods': onePod,
        'audit.list': () => [...audit],
        'k8s.action': () => {
          if (refuse) throw new ContractCallError('k8s.action', { code: 'FORBIDDEN', message: 'pods "web-1" is forbidden (HTTP 403)' });
          return { message: 'Pod shop/web-1 deleted.', auditId: 1 };
        },
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Delete pod shop/web-1' }, LAZY));
    const dialog = screen.getByRole('dialog');
    expect(dialog.textContent).toContain('Delete pod shop/web-1 in context prod?');
    expect(view.callsTo('k8s.action')).toHaveLength(0);

    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete pod' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe('pods "web-1" is forbidden (HTTP 403)');

    refuse = false;
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete pod' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(view.callsTo('k8s.action').map((c) => c.input)).toEqual([
      { context: 'prod', action: 'deletePod', namespace: 'shop', name: 'web-1' },
      { context: 'prod', action: 'deletePod', namespace: 'shop', name: 'web-1' },
    ]);

    const entry: AuditEntry = { id: 1, ts: NOW, actor: 'ops (desktop)', action: 'deletePod', target: { namespace: 'shop', name: 'web-1' }, context: 'prod', result: 'ok', message: 'Pod shop/web-1 deleted.' };
    audit.push(entry);
    act(() => view.emit('audit.appended', entry));
    const recent = await screen.findByRole('table', { name: 'Recent actions' });
    expect(recent.textContent).toContain('delete pod shop/web-1');
    expect(recent.textContent).toContain('Pod shop/web-1 deleted.');
    expect(recent.textContent).toContain('ops (desktop)');
  });

  it('scales a lagging deployment to the count entered', async () => {
    const view = renderApp({
      tab: 'clusters',
      handlers: {
        'k8s.contexts': () => ({ files: [prod.source], found: [prod.source], problems: [], currentContext: 'prod', contexts: [prod] }),
        'k8s.overview': overview,
        'k8s.namespaces': () => [],
        'k8s.pods': onePod,
        'k8s.action': () => ({ message: 'Deployment shop/web scaled to 5 replicas.', auditId: 2 }),
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Scale deployment shop/web' }, LAZY));
    const dialog = screen.getByRole('dialog');
    const replicas = within(dialog).getByRole('spinbutton');
    fireEvent.change(replicas, { target: { value: '-2' } });
    expect(within(dialog).getByRole('button', { name: 'Scale' }).hasAttribute('disabled')).toBe(true);
    fireEvent.change(replicas, { target: { value: '5' } });
    expect(dialog.textContent).toContain('Scale deployment shop/web to 5 replicas in context prod?');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Scale' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(view.callsTo('k8s.action').map((c) => c.input)).toEqual([
      { context: 'prod', action: 'scale', kind: 'deployment', namespace: 'shop', name: 'web', replicas: 5 },
    ]);
  });
});
