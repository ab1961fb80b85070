// @vitest-environment happy-dom
import { ContractCallError } from '@contract/errors';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfirmDialog } from '../../../renderer/src/components/ConfirmDialog';

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
