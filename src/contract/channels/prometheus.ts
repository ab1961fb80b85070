import { z } from 'zod';
import type { PromConnectionTest, PromNames, PromQueryResult, PromRangeResult, PromSeriesList, PromSources } from '../types';
import { empty, returns } from './schema';

const sourceId = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
const sourceName = z.string().trim().min(1).max(100);

/** http(s) only; credentials go in auth, where they reach the keychain instead of the store. */
const sourceUrl = z
  .string()
  .trim()
  .max(2048)
  .superRefine((text, ctx) => {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be a URL such as http://localhost:9090' });
      return;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') ctx.addIssue({ code: 'custom', message: 'must start with http:// or https://' });
    if (url.username || url.password) ctx.addIssue({ code: 'custom', message: 'must not hold credentials: choose basic or bearer auth instead' });
    if (url.search || url.hash) ctx.addIssue({ code: 'custom', message: 'must not have a query string or fragment' });
  });

const auth = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }).strict(),
  z
    .object({
      kind: z.literal('basic'),
      // RFC 7617: the user name ends at the first colon.
      username: z.string().min(1).max(256).regex(/^[^:]*$/, 'must not contain ":"'),
      password: z.string().min(1).max(4096),
    })
    .strict(),
  z.object({ kind: z.literal('bearer'), token: z.string().min(1).max(16_384) }).strict(),
]);

/** Epoch milliseconds. */
const time = z.number().int().min(0).max(8.64e15);
const promql = z.string().trim().min(1).max(65_536);
/** A series selector such as up{job="node"}; Prometheus checks its syntax. */
const selector = z.string().trim().min(1).max(4096);
const matchers = z.array(selector).min(1).max(20);
const labelName = z.string().regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, 'must be a label name (letters, digits and _)').max(1024);
/** How long Prometheus may take; sent as its timeout parameter too. */
const timeoutMs = z.number().int().min(100).max(300_000).default(30_000);

export const prometheusChannels = {
  /** Every added source with its connection state and version. */
  'prom.sources': { input: empty, output: returns<PromSources>() },
  /** Credentials are written to the OS keychain; without one, only auth none can be added. */
  'prom.addSource': {
    input: z.object({ name: sourceName, url: sourceUrl, auth }).strict(),
    output: returns<PromSources>(),
  },
  /** Changes what is given; auth, when given, replaces the stored credentials whole. */
  'prom.updateSource': {
    input: z.object({ id: sourceId, name: sourceName.optional(), url: sourceUrl.optional(), auth: auth.optional() }).strict(),
    output: returns<PromSources>(),
  },
  /** Forgets a source and its keychain entry. */
  'prom.removeSource': { input: z.object({ id: sourceId }).strict(), output: returns<PromSources>() },
  /** Checks a saved source now, or a draft (url and auth) without saving it. */
  'prom.testSource': {
    input: z.union([z.object({ id: sourceId }).strict(), z.object({ url: sourceUrl, auth }).strict()]),
    output: returns<PromConnectionTest>(),
  },
  /** An instant query, at time or now. */
  'prom.query': {
    input: z.object({ source: sourceId, query: promql, time: time.optional(), timeoutMs }).strict(),
    output: returns<PromQueryResult>(),
  },
  /** A range query; more than 11,000 points per series is refused with the smallest step that fits. */
  'prom.queryRange': {
    input: z
      .object({ source: sourceId, query: promql, start: time, end: time, stepMs: z.number().int().min(1).max(365 * 86_400_000), timeoutMs })
      .strict(),
    output: returns<PromRangeResult>(),
  },
  /** The label sets of the series matching any selector; without start and end Prometheus searches all it holds. */
  'prom.series': {
    input: z.object({ source: sourceId, match: matchers, start: time.optional(), end: time.optional(), timeoutMs }).strict(),
    output: returns<PromSeriesList>(),
  },
  'prom.labels': {
    input: z.object({ source: sourceId, match: matchers.optional(), start: time.optional(), end: time.optional(), timeoutMs }).strict(),
    output: returns<PromNames>(),
  },
  'prom.labelValues': {
    input: z
      .object({ source: sourceId, label: labelName, match: matchers.optional(), start: time.optional(), end: time.optional(), timeoutMs })
      .strict(),
    output: returns<PromNames>(),
  },
} as const;

export const prometheusEvents = {
  /** Sources were added, changed or removed, or a source's connection state changed. */
  'prom.sourcesChanged': returns<PromSources>(),
} as const;
