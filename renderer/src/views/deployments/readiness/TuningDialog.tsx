import type { ReadinessRuleInfo, ReadinessSeverity, ReadinessTuning } from '@contract';
import { useState } from 'react';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { useApp } from '../../../state/StoreProvider';

const SEVERITIES: ReadinessSeverity[] = ['critical', 'high', 'medium', 'low'];

interface Props {
  context: string;
  namespace: string;
  rules: ReadinessRuleInfo[];
  tuning: ReadinessTuning;
  onSaved(): void;
  onClose(): void;
}

/** A namespace's rules on or off, their severities, the replica minimum and the pass mark. */
export function TuningDialog({ context, namespace, rules, tuning, onSaved, onClose }: Props) {
  const client = useApp((s) => s.client);
  const [draft, setDraft] = useState<ReadinessTuning>(tuning);
  const toggle = (id: string, on: boolean) => setDraft((d) => ({ ...d, disabled: on ? d.disabled.filter((x) => x !== id) : [...d.disabled, id] }));
  const setSeverity = (rule: ReadinessRuleInfo, severity: ReadinessSeverity) =>
    setDraft((d) => {
      const { [rule.id]: _old, ...rest } = d.severity;
      return { ...d, severity: severity === rule.severity ? rest : { ...rest, [rule.id]: severity } };
    });
  return (
    <ConfirmDialog
      title={`Tune readiness rules for ${namespace}`}
      statement={`These settings apply to namespace ${namespace} in ${context} from the next check on.`}
      confirmLabel="Save"
      onClose={onClose}
      onConfirm={async () => {
        await client.call('readiness.setTuning', { context, namespace, tuning: draft });
        onSaved();
      }}
    >
      <div className="readiness__tuning">
        <label className="pod-filters__field">
          <span>Pass mark (score)</span>
          <input type="number" min={0} max={100} value={draft.passScore} onChange={(e) => setDraft({ ...draft, passScore: Number(e.target.value) })} />
        </label>
        <label className="pod-filters__field">
          <span>Replicas of critical workloads</span>
          <input type="number" min={1} max={100} value={draft.minReplicas} onChange={(e) => setDraft({ ...draft, minReplicas: Number(e.target.value) })} />
        </label>
        <label className="pod-filters__check">
          <input type="checkbox" checked={draft.allCritical} onChange={(e) => setDraft({ ...draft, allCritical: e.target.checked })} /> Every workload here is critical
        </label>
        <table className="table" aria-label="Rules">
          <tbody>
            {rules.map((r) => (
              <tr key={r.id} data-rule={r.id}>
                <td>
                  <label className="pod-filters__check">
                    <input type="checkbox" checked={!draft.disabled.includes(r.id)} onChange={(e) => toggle(r.id, e.target.checked)} aria-label={`Apply ${r.title}`} /> {r.title}
                  </label>
                </td>
                <td>
                  <select value={draft.severity[r.id] ?? r.severity} onChange={(e) => setSeverity(r, e.target.value as ReadinessSeverity)} aria-label={`Severity of ${r.title}`}>
                    {SEVERITIES.map((s) => (
                      <option key={s} value={s}>
                        {s}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </ConfirmDialog>
  );
}
