import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

interface Props {
  title: string;
  /** Exactly what will happen, e.g. "Delete pod shop/web-1 in context prod?" */
  statement: string;
  confirmLabel: string;
  /** While the extra fields hold no usable value. */
  confirmDisabled?: boolean;
  /** Extra fields (such as a replica count) shown between the statement and the buttons. */
  children?: ReactNode;
  /** Carries the change out; a rejection's message is shown as it is and the dialog stays open. */
  onConfirm(): Promise<void>;
  onClose(): void;
}

const FOCUSABLE = 'button:not([disabled]), input:not([disabled]), select:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal that asks before changing something. Focus starts on Cancel and stays inside;
 * Esc cancels; only the confirm button confirms (Enter elsewhere does nothing).
 */
export function ConfirmDialog({ title, statement, confirmLabel, confirmDisabled = false, children, onConfirm, onClose }: Props) {
  const dialog = useRef<HTMLDivElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    cancel.current?.focus();
    return () => previous?.focus();
  }, []);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      onClose();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Keys stay in the dialog: the app's shortcuts must not act behind it.
    event.stopPropagation();
    if (event.key === 'Escape') {
      event.preventDefault();
      if (!busy) onClose();
    } else if (event.key === 'Tab') {
      const items = [...(dialog.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])];
      const first = items[0];
      const last = items.at(-1);
      if (!first || !last) return;
      if (event.shiftKey && document.activeElement === first) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first.focus();
      }
    } else if (event.key === 'Enter' && !(event.target instanceof HTMLButtonElement)) {
      event.preventDefault();
    }
  };

  return (
    <div className="dialog-backdrop">
      <div ref={dialog} className="dialog confirm-dialog" role="dialog" aria-modal="true" aria-labelledby="confirm-title" aria-describedby="confirm-statement" onKeyDown={onKeyDown}>
        <h2 id="confirm-title">{title}</h2>
        <p id="confirm-statement">{statement}</p>
        {children}
        {error && (
          <p className="confirm-dialog__error" role="alert">
            {error}
          </p>
        )}
        <div className="confirm-dialog__buttons">
          <button ref={cancel} type="button" className="button" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button type="button" className="button button--danger" onClick={() => void confirm()} disabled={busy || confirmDisabled}>
            {busy ? 'Working…' : confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
