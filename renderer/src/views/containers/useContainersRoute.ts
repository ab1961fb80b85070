import { useHashQuery } from '../../components/useHashQuery';
import { containersRouteFromHash, hashWithContainersRoute, type ContainersRoute } from './containersRoute';

/** The Containers tab's route from the URL hash, and a setter that rewrites the hash without adding history. */
export const useContainersRoute = (): [ContainersRoute, (patch: Partial<ContainersRoute>) => void] => useHashQuery(containersRouteFromHash, hashWithContainersRoute);
