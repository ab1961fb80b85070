import { z } from 'zod';
import type { ActionResult } from '../../contract';
import { k8sAction, type K8sAction } from '../../contract/channels';
import type { ActionKind, ActionParamSpec, ActionValues } from './registry';

/** The host's audited Kubernetes action (the same one the Clusters tab's buttons use). */
export type K8sPerform = (action: K8sAction) => Promise<ActionResult>;

/** A field of one of the contract's k8s.action variants: runbook values obey the channel's own rules. */
function field(action: K8sAction['action'], name: string): z.ZodType {
  const variant = k8sAction.options.find((o) => o.shape.action.value === action);
  const schema = (variant?.shape as Record<string, z.ZodType> | undefined)?.[name];
  if (!schema) throw new Error(`k8s.action ${action} has no field ${name}`);
  return schema;
}

const target = (action: K8sAction['action']): ActionParamSpec[] => [
  { name: 'context', label: 'Kubernetes context', type: 'string', schema: field(action, 'context') },
  { name: 'namespace', label: 'Namespace', type: 'string', schema: field(action, 'namespace') },
  { name: 'name', label: action === 'scale' ? 'Workload name' : 'Deployment name', type: 'string', schema: field(action, 'name') },
];

const s = (v: ActionValues, key: string) => String(v[key]);
const n = (v: ActionValues, key: string) => Number(v[key]);

const result = async (done: Promise<ActionResult>) => {
  const { message, auditId } = await done;
  return { message, auditId };
};

/** Scale, rollout restart and roll back, run through the host's audited Kubernetes actions. */
export function kubernetesActionKinds(perform: K8sPerform): ActionKind[] {
  return [
    {
      kind: 'scale',
      title: 'Scale a deployment or statefulset',
      params: [
        ...target('scale'),
        { name: 'workload', label: 'Workload kind', type: 'string', schema: field('scale', 'kind'), default: 'deployment' },
        { name: 'replicas', label: 'Replicas', type: 'integer', schema: field('scale', 'replicas') },
      ],
      describe: (v) => `Scale ${s(v, 'workload')} ${s(v, 'namespace')}/${s(v, 'name')} in context ${s(v, 'context')} to ${n(v, 'replicas')} replicas.`,
      run: (v) =>
        result(
          perform({
            action: 'scale',
            context: s(v, 'context'),
            kind: s(v, 'workload') as 'deployment' | 'statefulset',
            namespace: s(v, 'namespace'),
            name: s(v, 'name'),
            replicas: n(v, 'replicas'),
          }),
        ),
    },
    {
      kind: 'rollout-restart',
      title: 'Restart a deployment (rollout restart)',
      params: target('restart'),
      describe: (v) => `Restart deployment ${s(v, 'namespace')}/${s(v, 'name')} in context ${s(v, 'context')}: its pods are replaced one by one.`,
      run: (v) => result(perform({ action: 'restart', context: s(v, 'context'), namespace: s(v, 'namespace'), name: s(v, 'name') })),
    },
    {
      kind: 'rollback',
      title: 'Roll a deployment back to a revision',
      params: [...target('rollback'), { name: 'revision', label: 'Revision', type: 'integer', schema: field('rollback', 'revision') }],
      describe: (v) => `Roll deployment ${s(v, 'namespace')}/${s(v, 'name')} in context ${s(v, 'context')} back to revision ${n(v, 'revision')}.`,
      run: (v) =>
        result(perform({ action: 'rollback', context: s(v, 'context'), namespace: s(v, 'namespace'), name: s(v, 'name'), revision: n(v, 'revision') })),
    },
  ];
}
