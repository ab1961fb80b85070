import { useHashQuery } from '../../components/useHashQuery';
import { hashWithMonitoringRoute, monitoringRouteFromHash, type MonitoringRoute } from './monitoringRoute';

/** The Monitoring tab's route from the URL hash, and a setter that rewrites the hash without adding history. */
export const useMonitoringRoute = (): [MonitoringRoute, (patch: Partial<MonitoringRoute>) => void] => useHashQuery(monitoringRouteFromHash, hashWithMonitoringRoute);
