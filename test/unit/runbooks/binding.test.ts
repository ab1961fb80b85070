import { describe, expect, it } from 'vitest';
import { parseBinding, resolveBinding, valuesToRun } from '../../../src/runbooks/actions/binding';
import { completeValues } from '../../../src/runbooks/actions/registry';
import { testRegistry } from './testRegistry';

const registry = testRegistry();
const scale = registry.get('scale')!;

describe('action bindings', () => {
  const binding = parseBinding('kind: scale\ncontext: prod\nnamespace: "{{ labels.namespace }}"\nreplicas: 3\n', 10, registry);

  it('fills placeholders from the alert labels and leaves the rest to the user', () => {
    const action = resolveBinding(binding, scale, { namespace: 'shop' });
    expect(Object.fromEntries(action.params.map((p) => [p.name, [p.value, p.fixed]]))).toEqual({
      context: ['prod', true],
      namespace: ['shop', true],
      name: [null, false],
      workload: ['deployment', false],
      replicas: [3, true],
    });
    const open = resolveBinding(binding, scale, {});
    expect(open.params.find((p) => p.name === 'namespace')).toMatchObject({ value: null, fixed: false, placeholder: '{{ labels.namespace }}' });
  });

  it('takes the user values for open parameters only, and checks them all', () => {
    const action = resolveBinding(binding, scale, { namespace: 'shop' });
    expect(completeValues(scale, valuesToRun(action, { name: 'web' }))).toEqual({ context: 'prod', namespace: 'shop', name: 'web', workload: 'deployment', replicas: 3 });
    expect(() => valuesToRun(action, { replicas: 100 })).toThrow('replicas is set by the runbook to 3; it cannot be changed in a run.');
    expect(() => valuesToRun(action, { command: 'rm' })).toThrow('The scale action has no parameter command.');
    expect(() => completeValues(scale, valuesToRun(action, {}))).toThrow('The scale action cannot run: name is required.');
    expect(() => completeValues(scale, valuesToRun(action, { name: 'Web!' }))).toThrow(/name: must be a DNS-1123 subdomain/);
    expect(() => completeValues(scale, valuesToRun(action, { name: 'web', workload: 'daemonset' }))).toThrow(/workload: /);
  });
});
