import type { Node } from 'yaml';
import type { LabelMatcher, RouteGroupBy, RouteSummary } from '../../contract';
import { parseDuration } from '../rules/duration';
import { matcherProblem } from '../rules/matchers';
import { MatcherSyntaxError, parseMatchers } from './matcherText';
import { ConfigProblem, type Fields, isNull, listItems, type NodeReader, scalarText, stringPairs } from './yamlNodes';

/** Alertmanager's defaults for the root route. */
export const DEFAULT_TIMERS = { groupWaitMs: 30_000, groupIntervalMs: 5 * 60_000, repeatIntervalMs: 4 * 3_600_000 };

/** A route with its settings after inheritance, and Alertmanager's key for it. */
export interface Route extends Omit<RouteSummary, 'routes'> {
  /** The matchers of every route from the root to this one, as Alertmanager keys its groups. */
  key: string;
  /** Opsdeck's escalation of this route's firing groups, by increasing delay; not inherited. */
  escalation: EscalationStep[];
  routes: Route[];
}

/** Who is told when a firing group is not acknowledged this long after its first notification. */
export interface EscalationStep {
  afterMs: number;
  receiver: string;
}

const ROUTE_FIELDS = ['receiver', 'group_by', 'group_wait', 'group_interval', 'repeat_interval', 'match', 'match_re', 'matchers', 'continue', 'routes', 'opsdeck_escalation'];
const UNSUPPORTED = {
  mute_time_intervals: 'mute_time_intervals is not supported: use silences to mute alerts for a while',
  active_time_intervals: 'active_time_intervals is not supported: use silences to mute alerts for a while',
};
export const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** Matchers from the legacy maps (<prefix>match, <prefix>match_re) and the <prefix>matchers list, sorted as Alertmanager sorts them. */
export function readMatchers(fields: Fields, prefix = ''): LabelMatcher[] {
  const out: LabelMatcher[] = [];
  for (const [key, op] of [['match', '='], ['match_re', '=~']] as const) {
    for (const { name, value, node } of stringPairs(fields.get(prefix + key)?.value, prefix + key)) {
      if (!LABEL_NAME.test(name)) throw new ConfigProblem(`invalid label name "${name}"`, node);
      const matcher: LabelMatcher = { name, op, value };
      const problem = matcherProblem(matcher);
      if (problem) throw new ConfigProblem(`${prefix + key}: ${problem}`, node);
      out.push(matcher);
    }
  }
  for (const item of listItems(fields.get(prefix + 'matchers')?.value, prefix + 'matchers')) {
    try {
      out.push(...parseMatchers(scalarText(item, `an entry of ${prefix}matchers`)));
    } catch (err) {
      if (!(err instanceof MatcherSyntaxError)) throw err;
      throw new ConfigProblem(`${prefix}matchers: ${err.message}`, item);
    }
  }
  return out.sort((a, b) => compare(a.name, b.name) || compare(a.value, b.value) || compare(a.op, b.op));
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const matchersKey = (matchers: LabelMatcher[]) => `{${matchers.map((m) => `${m.name}${m.op}${JSON.stringify(m.value)}`).join(',')}}`;

/** The group_by list; null when it is absent or empty. */
function readGroupBy(node: Node | null | undefined): RouteGroupBy | null {
  const names: string[] = [];
  let all = false;
  for (const item of listItems(node, 'group_by')) {
    const name = scalarText(item, 'an entry of group_by');
    if (name === '...') all = true;
    else if (!LABEL_NAME.test(name)) throw new ConfigProblem(`invalid label name "${name}" in group_by list`, item);
    else if (names.includes(name)) throw new ConfigProblem(`duplicated label "${name}" in group_by`, item);
    else names.push(name);
  }
  if (all && names.length) throw new ConfigProblem('cannot have wildcard group_by (`...`) and other labels at the same time', node);
  return all ? '...' : names.length ? names : null;
}

function readTimer(fields: Fields, key: string, inherited: number, zeroAllowed: boolean): number {
  const field = fields.get(key);
  if (!field || isNull(field.value)) return inherited;
  const text = scalarText(field.value, key);
  const ms = parseDuration(text);
  if (ms === null) throw new ConfigProblem(`${key}: not a valid duration string: "${text}"`, field.value);
  if (ms === 0 && !zeroAllowed) throw new ConfigProblem(`${key} cannot be zero`, field.value);
  return ms;
}

/**
 * Opsdeck's extension `opsdeck_escalation: [{after: 15m, receiver: oncall}, ...]`: each step's after
 * is a duration longer than the step before it, its receiver one the config defines.
 */
function readEscalation(reader: NodeReader, node: Node | null | undefined, refs: ReceiverRef[]): EscalationStep[] {
  const steps: EscalationStep[] = [];
  for (const item of listItems(node, 'opsdeck_escalation')) {
    const fields = reader.fields(item, 'opsdeck_escalation step', ['after', 'receiver']);
    const after = fields.get('after');
    const receiver = fields.get('receiver');
    if (!after || isNull(after.value)) throw new ConfigProblem('opsdeck_escalation step needs after', item);
    if (!receiver || isNull(receiver.value)) throw new ConfigProblem('opsdeck_escalation step needs receiver', item);
    const text = scalarText(after.value, 'after');
    const afterMs = parseDuration(text);
    if (afterMs === null || afterMs === 0) throw new ConfigProblem(`after: not a valid non-zero duration: "${text}"`, after.value);
    if (steps.length && afterMs <= steps.at(-1)!.afterMs) throw new ConfigProblem('opsdeck_escalation steps must come later one after the other', after.value);
    const name = scalarText(receiver.value, 'receiver');
    refs.push({ name, node: receiver.value! });
    steps.push({ afterMs, receiver: name });
  }
  return steps;
}

/** A receiver name a route gives, where it gives it. */
export interface ReceiverRef {
  name: string;
  node: Node;
}

/** A route and its children, each inheriting what it does not set from its parent; refs collects the receiver names given. */
export function parseRoute(reader: NodeReader, node: Node, parent: Route | null, path: number[], refs: ReceiverRef[]): Route {
  const fields = reader.fields(node, 'route', ROUTE_FIELDS, UNSUPPORTED);
  const receiverNode = fields.get('receiver')?.value;
  // As in Alertmanager, an empty receiver or group_by is not set: the parent's applies.
  const given = reader.attempt(() => (isNull(receiverNode) ? '' : scalarText(receiverNode, 'receiver')), '');
  if (given) refs.push({ name: given, node: receiverNode! });
  const receiver = given || (parent?.receiver ?? '');
  const matchers = reader.attempt(() => readMatchers(fields), []);
  if (!parent) {
    if (!receiver) throw new ConfigProblem('root route must specify a default receiver', node);
    if (matchers.length) throw new ConfigProblem('root route must not have any matchers', node);
  }
  const continueNode = fields.get('continue')?.value;
  const groupByNode = fields.get('group_by')?.value;
  const inherited = parent ?? { groupBy: [], ...DEFAULT_TIMERS };
  const route: Route = {
    path,
    line: reader.at(node).line,
    receiver,
    matchers,
    groupBy: reader.attempt(() => readGroupBy(groupByNode) ?? inherited.groupBy, inherited.groupBy),
    continue: reader.attempt(() => !isNull(continueNode) && readBool(continueNode, 'continue'), false),
    groupWaitMs: reader.attempt(() => readTimer(fields, 'group_wait', inherited.groupWaitMs, true), inherited.groupWaitMs),
    groupIntervalMs: reader.attempt(() => readTimer(fields, 'group_interval', inherited.groupIntervalMs, false), inherited.groupIntervalMs),
    repeatIntervalMs: reader.attempt(() => readTimer(fields, 'repeat_interval', inherited.repeatIntervalMs, false), inherited.repeatIntervalMs),
    key: parent ? `${parent.key}/${matchersKey(matchers)}` : matchersKey(matchers),
    escalation: reader.attempt(() => readEscalation(reader, fields.get('opsdeck_escalation')?.value, refs), []),
    routes: [],
  };
  reader.attempt(() => listItems(fields.get('routes')?.value, 'routes'), []).forEach((child, i) => {
    reader.attempt(() => route.routes.push(parseRoute(reader, child, route, [...path, i], refs)), undefined);
  });
  return route;
}

function readBool(node: Node | null | undefined, what: string): boolean {
  const value = (node as { value?: unknown }).value;
  if (typeof value !== 'boolean') throw new ConfigProblem(`${what} must be true or false`, node);
  return value;
}
