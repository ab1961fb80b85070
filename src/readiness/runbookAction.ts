import { z } from 'zod';
import { OpsdeckError } from '../contract/errors';
import type { ActionKind } from '../runbooks/actions/registry';
import type { ReadinessEngine } from './readinessEngine';

/** A runbook step that checks a namespace's readiness now; a no-go fails the step, with the reasons. */
export function readinessActionKind(engine: ReadinessEngine): ActionKind {
  return {
    kind: 'readiness-check',
    title: 'Check production readiness of a namespace',
    params: [
      { name: 'context', label: 'Kubernetes context', type: 'string', schema: z.string().min(1).max(1024) },
      { name: 'namespace', label: 'Namespace', type: 'string', schema: z.string().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'a namespace name').max(63) },
    ],
    describe: (v) => `Check the production readiness of namespace ${String(v.namespace)} in ${String(v.context)}.`,
    run: async (v) => {
      const report = await engine.check(String(v.context));
      const ns = report.namespaces.find((n) => n.namespace === v.namespace);
      if (!ns) throw new OpsdeckError('NOT_FOUND', `Namespace ${String(v.namespace)} has no Deployments, StatefulSets or DaemonSets in ${String(v.context)}.`);
      const text = `Namespace ${ns.namespace}: ${ns.verdict}, score ${ns.score}/100 over ${ns.workloads} workload${ns.workloads === 1 ? '' : 's'}`;
      if (ns.verdict === 'no-go') throw new OpsdeckError('UNAVAILABLE', `${text} (${ns.reasons.join('; ')}).`);
      return { message: `${text}.`, auditId: null };
    },
  };
}
