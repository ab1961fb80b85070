import type { SeriesRange } from '@contract';
import { SERIES_RANGES } from '@contract/types';
import { hashWithQuery, oneOf, splitHash } from '../../components/hashQuery';

export const MONITORING_SECTIONS = ['alerts', 'silences', 'rules', 'routing', 'notifications', 'slos', 'prometheus'] as const;
export type MonitoringSection = (typeof MONITORING_SECTIONS)[number];

export const QUERY_MODES = ['range', 'instant'] as const;
export type QueryMode = (typeof QUERY_MODES)[number];

export const RESULT_VIEWS = ['chart', 'table'] as const;
export type ResultView = (typeof RESULT_VIEWS)[number];

/** What the Monitoring tab shows, kept in the hash query (#/monitoring?view=rules…) so it survives tab switches and reloads. */
export interface MonitoringRoute {
  section: MonitoringSection;
  /** The current alerts' text filter. */
  text: string;
  /** The open alert instance's id. */
  alert: number | null;
  /** The rule file open in the editor. */
  file: string;
  /** The SLO open in its detail. */
  slo: string;
  /** The explorer's query, source, mode, range, step (seconds; 0: chosen from the range) and result view. */
  expr: string;
  source: number | null;
  mode: QueryMode;
  range: SeriesRange;
  step: number;
  result: ResultView;
}

export const DEFAULT_MONITORING_ROUTE: MonitoringRoute = {
  section: 'alerts',
  text: '',
  alert: null,
  file: '',
  slo: '',
  expr: '',
  source: null,
  mode: 'range',
  range: '1h',
  step: 0,
  result: 'chart',
};

const PARAMS: Record<keyof MonitoringRoute, string> = {
  section: 'view',
  text: 'q',
  alert: 'alert',
  file: 'file',
  slo: 'slo',
  expr: 'expr',
  source: 'source',
  mode: 'mode',
  range: 'range',
  step: 'step',
  result: 'result',
};

const positiveInt = (v: string | null): number | null => (v !== null && /^[1-9][0-9]{0,14}$/.test(v) ? Number(v) : null);

export function monitoringRouteFromHash(hash: string): MonitoringRoute {
  const { params } = splitHash(hash);
  const get = (key: keyof MonitoringRoute) => params.get(PARAMS[key]);
  const d = DEFAULT_MONITORING_ROUTE;
  return {
    section: oneOf(MONITORING_SECTIONS, get('section')) ?? d.section,
    text: get('text') ?? '',
    alert: positiveInt(get('alert')),
    file: get('file') ?? '',
    slo: get('slo') ?? '',
    expr: get('expr') ?? '',
    source: positiveInt(get('source')),
    mode: oneOf(QUERY_MODES, get('mode')) ?? d.mode,
    range: oneOf(SERIES_RANGES, get('range')) ?? d.range,
    step: positiveInt(get('step')) ?? 0,
    result: oneOf(RESULT_VIEWS, get('result')) ?? d.result,
  };
}

export const hashWithMonitoringRoute = (hash: string, route: MonitoringRoute): string => hashWithQuery(hash, PARAMS, route, DEFAULT_MONITORING_ROUTE);
