import { useEffect, useRef } from 'react';
import { modifierLabel } from './platform';

/** A modal list of the keyboard shortcuts; Esc or the button closes it and focus goes back. */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const closeButton = useRef<HTMLButtonElement>(null);
  const mod = modifierLabel();

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    closeButton.current?.focus();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        onClose();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      previous?.focus();
    };
  }, [onClose]);

  return (
    <div className="dialog-backdrop" onClick={onClose}>
      <div
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcuts-title"
        onClick={(e) => e.stopPropagation()}
      >
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <dl className="shortcuts">
          <dt>
            <kbd>{mod}</kbd>+<kbd>1</kbd>…<kbd>9</kbd>
          </dt>
          <dd>Go to tab 1 to 9</dd>
          <dt>
            <kbd>←</kbd> <kbd>→</kbd>
          </dt>
          <dd>Previous or next tab, when the tab bar has focus</dd>
          <dt>
            <kbd>Home</kbd> <kbd>End</kbd>
          </dt>
          <dd>First or last tab, when the tab bar has focus</dd>
          <dt>
            <kbd>/</kbd>
          </dt>
          <dd>Go to the table&apos;s filter</dd>
          <dt>
            <kbd>↑</kbd> <kbd>↓</kbd> <kbd>Home</kbd> <kbd>End</kbd> <kbd>PageUp</kbd> <kbd>PageDown</kbd>
          </dt>
          <dd>Move through a table&apos;s rows, when the table has focus</dd>
          <dt>
            <kbd>Enter</kbd>
          </dt>
          <dd>Open the row in the detail pane</dd>
          <dt>
            <kbd>?</kbd>
          </dt>
          <dd>Show this list</dd>
          <dt>
            <kbd>Esc</kbd>
          </dt>
          <dd>Close the detail pane, a dialog or this list</dd>
        </dl>
        <button ref={closeButton} type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
