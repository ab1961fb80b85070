import { Tile } from '../../../components/Tile';
import type { ReadinessReport } from '@contract';
import type { Resource } from '../../../state/resource';
import { TabLink } from './TabLink';

/** The clusters' readiness score and the namespaces that are no-go. */
export function ReadinessCard({ reports }: { reports: Resource<ReadinessReport[]> }) {
  if (reports.status === 'loading') return <Tile label="Readiness" data-testid="card-readiness" value="…" />;
  if (reports.status === 'error' || reports.data.length === 0) {
    return (
      <Tile
        label="Readiness"
        data-testid="card-readiness"
        value="Not checked"
        detail={reports.status === 'error' ? reports.message : 'Watch a cluster in the Clusters tab, then run all checks or open Deployments › Readiness.'}
      />
    );
  }
  const workloads = reports.data.reduce((n, r) => n + r.workloads.length, 0);
  const score = workloads ? reports.data.reduce((s, r) => s + (r.score ?? 0) * r.workloads.length, 0) / workloads : null;
  const noGo = reports.data.flatMap((r) => r.namespaces.filter((n) => n.verdict === 'no-go'));
  const total = reports.data.reduce((n, r) => n + r.namespaces.length, 0);
  return (
    <Tile
      label="Readiness"
      data-testid="card-readiness"
      value={score === null ? '—' : `${Math.round(score)}/100`}
      detail={`${total - noGo.length}/${total} namespaces go · ${workloads} workloads`}
    >
      <TabLink target={{ tab: 'deployments' }}>Open findings</TabLink>
    </Tile>
  );
}
