import { useHashQuery } from '../../components/useHashQuery';
import { hashWithRoute, routeFromHash, type ClusterRoute } from './clusterRoute';

/** The Clusters tab's route from the URL hash, and a setter that rewrites the hash without adding history. */
export const useClusterRoute = (): [ClusterRoute, (patch: Partial<ClusterRoute>) => void] => useHashQuery(routeFromHash, hashWithRoute);
