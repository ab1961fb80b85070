import { useRefreshingCall } from '../../../state/useRefreshingCall';
import { AlertsCard } from './AlertsCard';
import { DeliveryCard } from './DeliveryCard';
import { ReadinessCard } from './ReadinessCard';
import { RecommendationsList } from './RecommendationsList';
import { RecoveryCard } from './RecoveryCard';
import { RunAllChecks } from './RunAllChecks';
import { SourcesStrip } from './SourcesStrip';
import { SpendCard } from './SpendCard';
import './command.css';

/** What every engine says at a glance, the checks and one list of what to do next. */
export function CommandCenter() {
  const readiness = useRefreshingCall('readiness.reports', {});
  const delivery = useRefreshingCall('overview.deliveryMetrics', {});
  const recommendations = useRefreshingCall('overview.recommendations', {});
  const afterChecks = () => {
    readiness.refresh();
    recommendations.refresh();
  };
  return (
    <div className="command" data-testid="command-center">
      <SourcesStrip />
      <div className="tiles command__cards">
        <AlertsCard />
        <RecoveryCard />
        <SpendCard />
        <ReadinessCard reports={readiness.resource} />
        <DeliveryCard metrics={delivery.resource} />
      </div>
      <RunAllChecks onFinished={afterChecks} />
      <RecommendationsList list={recommendations.resource} onRetry={recommendations.refresh} />
    </div>
  );
}
