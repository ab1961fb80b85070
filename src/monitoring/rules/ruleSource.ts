import type { PromSourceInfo } from '../../contract';
import { OpsdeckError } from '../../contract';
import type { PromClient } from '../prometheus/client';
import type { PrometheusSources } from '../prometheus/prometheusSources';
import type { KeyValueStore } from '../../store/keyValue';

const SOURCE_KEY = 'rules.source';

export const NO_RULE_SOURCE_HINT = 'Alerting rules are evaluated against a Prometheus source: add one in Monitoring, and rules start evaluating once it connects.';

/** Which Prometheus source the rules are evaluated against: the chosen one, else the first connected. */
export class RuleSource {
  constructor(
    private readonly prom: PrometheusSources,
    private readonly kv: KeyValueStore,
  ) {}

  choose(id: number | null): void {
    if (id !== null && !this.prom.sources().sources.some((s) => s.id === id)) throw new OpsdeckError('NOT_FOUND', `No Prometheus source with id ${id}.`);
    this.kv.set(SOURCE_KEY, id);
  }

  current(): PromSourceInfo | null {
    const { sources } = this.prom.sources();
    const chosen = this.kv.get<number | null>(SOURCE_KEY) ?? null;
    if (chosen !== null) return sources.find((s) => s.id === chosen) ?? null;
    return sources.find((s) => s.state === 'connected') ?? null;
  }

  /** Runs fn with the source's client; failures come back in the server's or the network's words. */
  run<T>(source: PromSourceInfo, fn: (client: PromClient) => Promise<T>): Promise<T> {
    return this.prom.withSource(source.id, fn);
  }
}
