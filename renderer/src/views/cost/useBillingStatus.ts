import { useNewestAnswer } from '../../components/useNewestAnswer';
import { useHostEvent } from '../../state/useHostEvent';

/** What billing data is imported; replaced whole by every cost.changed event. */
export function useBillingStatus() {
  const status = useNewestAnswer('cost.status', {});
  useHostEvent('cost.changed', status.receive);
  return status;
}
