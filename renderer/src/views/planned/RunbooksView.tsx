import { EmptyState } from '../../components/EmptyState';

export function RunbooksView() {
  return (
    <EmptyState
      title="Runbooks"
      source="Opsdeck will read runbooks as Markdown files from a folder you choose, such as a checkout of your team's runbook repository. Runbooks are not part of this build yet."
    >
      Your team&apos;s runbooks, searchable and linked to the alerts they answer, so the steps for an alert are one
      click away from it.
    </EmptyState>
  );
}
