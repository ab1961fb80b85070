import { ActionRegistry } from '../../../src/runbooks/actions/registry';
import { kubernetesActionKinds, type K8sPerform } from '../../../src/runbooks/actions/kubernetes';

/** A registry with the Kubernetes kinds; `perform` records what would have run. */
export function testRegistry(perform: K8sPerform = async () => ({ message: 'done', auditId: 1 })): ActionRegistry {
  const registry = new ActionRegistry();
  for (const kind of kubernetesActionKinds(perform)) registry.register(kind);
  return registry;
}
