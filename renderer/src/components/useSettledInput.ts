import { useEffect, useRef, useState, type ChangeEvent, type KeyboardEvent } from 'react';

/** Typing settles for this long before the host is asked again. */
const TYPING_MS = 300;

/** A text field that reports its value once typing pauses (or at once on Enter). */
export function useSettledInput(value: string, onSettle: (v: string) => void) {
  const [draft, setDraft] = useState(value);
  // The latest callback, so a re-render while typing does not restart the wait.
  const settle = useRef(onSettle);
  useEffect(() => {
    settle.current = onSettle;
  });
  useEffect(() => setDraft(value), [value]);
  useEffect(() => {
    if (draft === value) return;
    const timer = setTimeout(() => settle.current(draft), TYPING_MS);
    return () => clearTimeout(timer);
  }, [draft, value]);
  return {
    value: draft,
    onChange: (e: ChangeEvent<HTMLInputElement>) => setDraft(e.target.value),
    onKeyDown: (e: KeyboardEvent<HTMLInputElement>) => {
      if (e.key === 'Enter') settle.current(draft);
    },
  };
}
