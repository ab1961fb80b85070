import { z } from 'zod';
import type { ActionPreview, RunbookLibraryInfo, RunbookLink, Runbook, RunbookRun, RunbookSearchResult, RunReport, RunSummary } from '../types';
import { RUN_STATUSES, RUNBOOK_SEVERITIES } from '../types';
import { empty, returns } from './schema';

const runbookId = z
  .string()
  .max(100)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be a runbook id (lower-case letters, digits and -)');
const id = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
const folder = z.string().min(1).max(4096);
const labelMap = z.record(z.string().max(1024), z.string().max(16_384));
/** A value the user gives an action's parameter. */
const actionValue = z.union([z.string().max(4096), z.number().int().min(-1e15).max(1e15)]);

const MAX_RUNBOOK_HITS = 200;

/** A step's action and the values the user gives the parameters the runbook leaves open. */
const stepAction = z
  .object({
    runId: id,
    step: z.number().int().min(1).max(10_000),
    values: z.record(z.string().max(100), actionValue).default({}),
  })
  .strict();

export const runbooksChannels = {
  /** Full-text search (titles, tags, bodies) with filters; empty text lists the filtered library. */
  'runbooks.search': {
    input: z
      .object({
        text: z.string().max(500).default(''),
        category: z.string().max(100).optional(),
        severity: z.enum(RUNBOOK_SEVERITIES).optional(),
        tag: z.string().max(100).optional(),
        limit: z.number().int().min(1).max(MAX_RUNBOOK_HITS).default(50),
      })
      .strict(),
    output: returns<RunbookSearchResult>(),
  },
  /** One runbook: its front matter, rendered-ready body, table of contents and steps. */
  'runbooks.get': { input: z.object({ id: runbookId }).strict(), output: returns<Runbook>() },
  /** The runbooks for an alert: its runbook/runbook_url annotation, then related_alerts matches. */
  'runbooks.forAlert': {
    input: z.object({ labels: labelMap, annotations: labelMap }).strict(),
    output: returns<RunbookLink[]>(),
  },
  /** Where runbooks come from, how many each gave, and the files that were not loaded. */
  'runbooks.library': { input: empty, output: returns<RunbookLibraryInfo>() },
  /** Adds a folder of the user's runbooks (an absolute path); it is read now and watched. */
  'runbooks.addFolder': { input: z.object({ path: folder }).strict(), output: returns<RunbookLibraryInfo>() },
  'runbooks.removeFolder': { input: z.object({ path: folder }).strict(), output: returns<RunbookLibraryInfo>() },
  /** Starts a guided run, optionally for an alert or an incident whose labels fill the actions' placeholders. */
  'runbooks.startRun': {
    input: z.object({ runbookId, alertId: id.optional(), incidentId: id.optional() }).strict(),
    output: returns<RunbookRun>(),
  },
  /** Runs, most recently active first. */
  'runbooks.runs': {
    input: z.object({ runbookId: runbookId.optional(), limit: z.number().int().min(1).max(500).default(50) }).strict(),
    output: returns<RunSummary[]>(),
  },
  'runbooks.run': { input: z.object({ id }).strict(), output: returns<RunbookRun>() },
  /** Checks a step off (or back on) with a note. */
  'runbooks.checkStep': {
    input: z.object({ runId: id, step: z.number().int().min(1).max(10_000), done: z.boolean(), note: z.string().max(10_000).default('') }).strict(),
    output: returns<RunbookRun>(),
  },
  /** What a step's action would do with these values, for the confirm dialog; bad values are refused as runAction refuses them. */
  'runbooks.describeAction': { input: stepAction, output: returns<ActionPreview>() },
  /** Runs a step's action after the user confirmed it; values fill the parameters the runbook leaves open. */
  'runbooks.runAction': { input: stepAction, output: returns<RunbookRun>() },
  /** Pause, resume (active), complete or abandon a run. */
  'runbooks.setRunStatus': { input: z.object({ runId: id, status: z.enum(RUN_STATUSES) }).strict(), output: returns<RunbookRun>() },
  /** The run as a Markdown report for the post-mortem. */
  'runbooks.report': { input: z.object({ id }).strict(), output: returns<RunReport>() },
} as const;

export const runbooksEvents = {
  /** The library was read again (a folder changed on disk, or was added or removed). */
  'runbooks.changed': returns<RunbookLibraryInfo>(),
} as const;
