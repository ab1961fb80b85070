import type { overviewChannels } from '../../contract/channels/overview';
import type { DeliveryMetricsEngine } from '../../deliveryMetrics/deliveryMetricsEngine';
import type { OverviewHub } from '../../overview/overviewHub';
import type { HandlersFor } from '../dispatch';

export function overviewHandlers(hub: OverviewHub, delivery: DeliveryMetricsEngine): HandlersFor<keyof typeof overviewChannels> {
  return {
    'overview.sources': () => hub.sources(),
    'overview.recommendations': () => hub.recommendations.list(),
    'overview.runChecks': () => hub.checks.run(),
    'overview.deliveryMetrics': () => delivery.metrics(),
  };
}
