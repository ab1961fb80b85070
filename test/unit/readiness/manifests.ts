/** Manifests for the readiness rule tests: a workload that passes every rule, and ways to break it. */

export type Manifest = Record<string, any>;

/** A Deployment that passes every rule (critical, 3 replicas, pinned image, probes, locked down). */
export function goodDeployment(): Manifest {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'api', namespace: 'shop', labels: { app: 'api', 'opsdeck.io/critical': 'true' } },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'api' } },
      template: {
        metadata: { labels: { app: 'api', tier: 'web' } },
        spec: {
          automountServiceAccountToken: false,
          securityContext: { runAsNonRoot: true, runAsUser: 10001 },
          containers: [
            {
              name: 'api',
              image: 'registry.example.org:5000/shop/api:1.4.2',
              resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '128Mi' } },
              livenessProbe: { httpGet: { path: '/healthz', port: 8080 } },
              readinessProbe: { httpGet: { path: '/ready', port: 8080 } },
              securityContext: { readOnlyRootFilesystem: true, allowPrivilegeEscalation: false },
            },
          ],
        },
      },
    },
  };
}

export function budgetFor(labels: Record<string, string>): Manifest {
  return { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'api', namespace: 'shop' }, spec: { minAvailable: 1, selector: { matchLabels: labels } } };
}

/** A copy changed by `edit`. */
export function changed(m: Manifest, edit: (m: Manifest) => void): Manifest {
  const copy = structuredClone(m);
  edit(copy);
  return copy;
}

export const podSpec = (m: Manifest): Manifest => m.spec.template.spec;
export const container = (m: Manifest): Manifest => m.spec.template.spec.containers[0];
