import type { LabelMatcher } from '@contract';
import { useState } from 'react';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { useApp } from '../../../state/StoreProvider';
import { keepEnter } from '../keepEnter';
import { MatcherEditor, matchersUsable } from '../MatcherEditor';

const HOUR_MS = 3_600_000;
/** How long a new silence lasts, in hours. */
export const SILENCE_DURATIONS: [string, number][] = [
  ['1 hour', 1],
  ['2 hours', 2],
  ['4 hours', 4],
  ['8 hours', 8],
  ['1 day', 24],
  ['3 days', 72],
  ['1 week', 168],
];

interface Props {
  initial: LabelMatcher[];
  onDone(): void;
  onClose(): void;
}

/** Creates a silence from editable matchers, a duration and a comment (the host requires one). */
export function SilenceDialog({ initial, onDone, onClose }: Props) {
  const client = useApp((s) => s.client);
  const [matchers, setMatchers] = useState(initial);
  const [hours, setHours] = useState(2);
  const [comment, setComment] = useState('');
  const usable = matchersUsable(matchers) && comment.trim() !== '';
  return (
    <ConfirmDialog
      title="Silence alerts"
      statement="Alerts matching every matcher are muted (no notifications) from now until the silence ends."
      confirmLabel="Create silence"
      confirmDisabled={!usable}
      onClose={onClose}
      onConfirm={async () => {
        await client.call('silences.create', { matchers, endsAt: Date.now() + hours * HOUR_MS, comment: comment.trim() });
        onDone();
      }}
    >
      <MatcherEditor matchers={matchers} onChange={setMatchers} />
      <label className="form-field">
        Duration
        <select value={hours} onChange={(e) => setHours(Number(e.target.value))}>
          {SILENCE_DURATIONS.map(([label, h]) => (
            <option key={h} value={h}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label className="form-field">
        Comment (required)
        <textarea rows={2} value={comment} onKeyDown={keepEnter} onChange={(e) => setComment(e.target.value)} />
      </label>
    </ConfirmDialog>
  );
}
