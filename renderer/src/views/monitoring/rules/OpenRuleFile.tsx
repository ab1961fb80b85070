import type { RuleProblem } from '@contract';
import { ResourceView } from '../../../components/ResourceView';
import { useCall } from '../../../state/useCall';
import { RuleFileEditor } from './RuleFileEditor';

interface Props {
  name: string;
  problems: RuleProblem[];
  onSaved(): void;
  onClose(): void;
}

/** A listed rule file, read from the host and shown in the editor (read-only for the defaults and generated files). */
export function OpenRuleFile({ name, ...editor }: Props) {
  const { resource, retry } = useCall('rules.read', { name });
  return (
    <ResourceView resource={resource} onRetry={retry} loadingLabel={`Reading ${name}…`} errorTitle={`Could not read ${name}`}>
      {(file) => <RuleFileEditor file={file} {...editor} />}
    </ResourceView>
  );
}
