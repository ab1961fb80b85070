import { describe, expect, it } from 'vitest';
import { projectBudget } from '../../../src/kubernetes/kinds/poddisruptionbudgets';
import { projectServiceAccount } from '../../../src/kubernetes/kinds/serviceaccounts';

const meta = { name: 'web', namespace: 'shop', uid: 'u1', creationTimestamp: '2026-11-01T00:00:00Z' };

describe('PodDisruptionBudget and ServiceAccount projections', () => {
  it('shows a budget as kubectl does, warning while it allows no disruption', () => {
    const pdb = projectBudget({ metadata: meta, spec: { minAvailable: '50%', selector: { matchLabels: { app: 'web' } } }, status: { disruptionsAllowed: 1 } })!;
    expect(pdb).toMatchObject({ key: 'shop/web', status: '1 allowed', health: 'ok', cells: { minAvailable: '50%', maxUnavailable: 'N/A', allowed: 1, selector: 'app=web' } });
    expect(projectBudget({ metadata: meta, spec: { maxUnavailable: 0 } })).toMatchObject({ health: 'warning', cells: { maxUnavailable: '0', allowed: 0, selector: '<none>' } });
  });

  it('shows whether a service account\'s token is mounted into pods by default', () => {
    expect(projectServiceAccount({ metadata: meta, secrets: [{ name: 'web-token' }] })).toMatchObject({ status: 'Token mounted', cells: { secrets: 1, automount: 'yes' } });
    expect(projectServiceAccount({ metadata: meta, automountServiceAccountToken: false })).toMatchObject({ status: 'No token', cells: { secrets: 0, automount: 'no' } });
  });
});
