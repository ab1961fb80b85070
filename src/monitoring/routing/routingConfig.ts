import { LineCounter, parseDocument } from 'yaml';
import type { LabelMatcher, RoutingProblem } from '../../contract';
import { readGlobal } from './globalConfig';
import { parseReceivers, type Receiver } from './receivers';
import { LABEL_NAME, parseRoute, readMatchers, type ReceiverRef, type Route } from './routeConfig';
import { ConfigProblem, isNull, listItems, NodeReader, scalarText } from './yamlNodes';

export interface InhibitRule {
  line: number;
  source: LabelMatcher[];
  target: LabelMatcher[];
  equal: string[];
}

export interface RoutingConfig {
  route: Route;
  receivers: Receiver[];
  inhibitRules: InhibitRule[];
}

export type ParsedRoutingConfig = { config: RoutingConfig; problems: [] } | { config: null; problems: RoutingProblem[] };

const TOP_FIELDS = ['global', 'route', 'receivers', 'inhibit_rules'];
const TOP_UNSUPPORTED = {
  templates: 'templates is not supported: notification texts are not templated yet',
  time_intervals: 'time_intervals is not supported: use silences to mute alerts for a while',
  mute_time_intervals: 'mute_time_intervals is not supported: use silences to mute alerts for a while',
};
const INHIBIT_FIELDS = ['source_match', 'source_match_re', 'source_matchers', 'target_match', 'target_match_re', 'target_matchers', 'equal'];

/** An Alertmanager-compatible config (route tree, receivers, inhibit rules), or every problem found with its line. */
export function parseRoutingConfig(text: string): ParsedRoutingConfig {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const reader = new NodeReader(lines);
  if (doc.errors.length) {
    for (const e of doc.errors) {
      const { line, col } = lines.linePos(e.pos[0]);
      reader.problems.push({ line, column: col, message: e.message.split('\n')[0]! });
    }
    return { config: null, problems: reader.problems };
  }
  const top = reader.attempt(() => reader.fields(doc.contents, 'the config', TOP_FIELDS, TOP_UNSUPPORTED), null);
  if (!top) return { config: null, problems: reader.problems };

  const global = readGlobal(reader, top.get('global')?.value);
  const receivers = parseReceivers(reader, top.get('receivers')?.value, global);
  const refs: ReceiverRef[] = [];
  const routeNode = top.get('route')?.value;
  const route = reader.attempt(() => {
    if (isNull(routeNode)) throw new ConfigProblem('no routes provided', doc.contents);
    return parseRoute(reader, routeNode!, null, [], refs);
  }, null);
  const names = new Set(receivers.map((r) => r.name));
  for (const ref of refs) if (!names.has(ref.name)) reader.report(`undefined receiver "${ref.name}" used in route`, ref.node);
  const inhibitRules = reader.attempt(() => listItems(top.get('inhibit_rules')?.value, 'inhibit_rules'), []).flatMap((node) =>
    reader.attempt(() => {
      const fields = reader.fields(node, 'inhibit rule', INHIBIT_FIELDS);
      const equal = listItems(fields.get('equal')?.value, 'equal').map((item) => {
        const name = scalarText(item, 'an entry of equal');
        if (!LABEL_NAME.test(name)) throw new ConfigProblem(`"${name}" is not a valid label name`, item);
        return name;
      });
      return [{ line: reader.at(node).line, source: readMatchers(fields, 'source_'), target: readMatchers(fields, 'target_'), equal }];
    }, []),
  );
  if (reader.problems.length || !route) return { config: null, problems: reader.problems };
  return { config: { route, receivers, inhibitRules }, problems: [] };
}
