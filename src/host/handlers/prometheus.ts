import type { prometheusChannels } from '../../contract/channels/prometheus';
import type { PrometheusSources } from '../../monitoring/prometheus/prometheusSources';
import { instantQuery, labelNames, labelValues, rangeQuery, seriesLookup } from '../../monitoring/prometheus/queries';
import type { HandlersFor } from '../dispatch';

/** The Prometheus channels: sources, and queries sent to one of them. */
export function prometheusHandlers(prom: PrometheusSources): HandlersFor<keyof typeof prometheusChannels> {
  return {
    'prom.sources': () => prom.sources(),
    'prom.addSource': (input) => prom.add(input),
    'prom.updateSource': (input) => prom.update(input),
    'prom.removeSource': ({ id }) => prom.remove(id),
    'prom.testSource': (input) => prom.test(input),
    'prom.query': (input) => prom.withSource(input.source, (client) => instantQuery(client, input)),
    'prom.queryRange': (input) => prom.withSource(input.source, (client) => rangeQuery(client, input)),
    'prom.series': (input) => prom.withSource(input.source, (client) => seriesLookup(client, input)),
    'prom.labels': (input) => prom.withSource(input.source, (client) => labelNames(client, input)),
    'prom.labelValues': (input) => prom.withSource(input.source, (client) => labelValues(client, input)),
  };
}
