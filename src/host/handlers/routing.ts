import type { routingChannels } from '../../contract/channels/routing';
import { describeMatch, matchRoutes } from '../../monitoring/routing/routeMatch';
import { RoutingFile, usableConfig } from '../../monitoring/routing/routingFile';
import type { HandlersFor } from '../dispatch';

/** The routing channels: the config file and the route tester. */
export function routingHandlers(file: RoutingFile, onSaved: () => void = () => undefined): HandlersFor<keyof typeof routingChannels> {
  return {
    'routing.get': () => file.info(),
    'routing.validate': ({ text }) => RoutingFile.validate(text),
    'routing.save': ({ text }) => {
      const info = file.save(text);
      onSaved();
      return info;
    },
    'routing.test': ({ labels, text }) => {
      const config = text === undefined ? file.config() : usableConfig(text, 'BAD_REQUEST', 'the routing config');
      return { routes: matchRoutes(config.route, labels).map((m) => describeMatch(m, labels)) };
    },
  };
}
