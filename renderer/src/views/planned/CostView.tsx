import { EmptyState } from '../../components/EmptyState';

export function CostView() {
  return (
    <EmptyState
      title="Cost"
      source="Opsdeck will read your cloud provider's billing data with credentials you keep in the operating system keychain (see Settings › Keychain). Cost reporting is not part of this build yet."
    >
      Cloud spend by account, service and tag over time, with the month-to-date total and the largest changes from the
      previous period.
    </EmptyState>
  );
}
