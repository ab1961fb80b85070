/** Usage figures for the metrics.k8s.io API: set by tests, or steady made-up values derived from names. */
import { fnv1a32 } from '../controllers/naming';

export interface Usage {
  /** "250m" */
  cpu: string;
  /** "512Mi" */
  memory: string;
}

export class MetricsSource {
  private nodes = new Map<string, Usage>();
  private pods = new Map<string, Record<string, Usage>>();

  setNode(name: string, usage: Usage): void {
    this.nodes.set(name, usage);
  }

  setPod(namespace: string, name: string, containers: Record<string, Usage>): void {
    this.pods.set(`${namespace}/${name}`, containers);
  }

  node(name: string): Usage {
    const h = fnv1a32(`node/${name}`);
    return this.nodes.get(name) ?? { cpu: `${200 + (h % 3000)}m`, memory: `${2048 + (h % 14336)}Mi` };
  }

  pod(namespace: string, name: string, containers: string[]): Record<string, Usage> {
    const set = this.pods.get(`${namespace}/${name}`);
    if (set) return set;
    const out: Record<string, Usage> = {};
    for (const c of containers) {
      const h = fnv1a32(`pod/${namespace}/${name}/${c}`);
      out[c] = { cpu: `${1 + (h % 250)}m`, memory: `${16 + (h % 496)}Mi` };
    }
    return out;
  }

  clear(): void {
    this.nodes.clear();
    this.pods.clear();
  }
}
