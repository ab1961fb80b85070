import { z } from 'zod';
import type { ReadinessExport, ReadinessReport, ReadinessRuleInfo, ReadinessTuningEntry } from '../types';
import { READINESS_SEVERITIES } from '../types';
import { empty, returns } from './schema';

const context = z.string().min(1).max(253);
/** A namespace name (DNS label). */
const namespace = z
  .string()
  .min(1)
  .max(63)
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'a namespace name: lowercase letters, digits and "-"');
const ruleId = z.string().min(1).max(100);

const tuning = z
  .object({
    disabled: z.array(ruleId).max(100).default([]),
    severity: z.record(ruleId, z.enum(READINESS_SEVERITIES)).default({}),
    minReplicas: z.number().int().min(1).max(100).default(2),
    passScore: z.number().min(0).max(100).default(80),
    allCritical: z.boolean().default(false),
  })
  .strict();

export const readinessChannels = {
  /** The documented rule set. */
  'readiness.rules': { input: empty, output: returns<ReadinessRuleInfo[]>() },
  /** Reads the context's workloads now and scores them; the report is kept. */
  'readiness.check': { input: z.object({ context }).strict(), output: returns<ReadinessReport>() },
  /** The context's last report; null before its first check. */
  'readiness.report': { input: z.object({ context }).strict(), output: returns<ReadinessReport | null>() },
  /** The last report of every connected context (those checked at least once). */
  'readiness.reports': { input: empty, output: returns<ReadinessReport[]>() },
  /** The tuning in force for each namespace of the last report and each tuned one, defaults filled in. */
  'readiness.tuning': { input: z.object({ context }).strict(), output: returns<ReadinessTuningEntry[]>() },
  'readiness.setTuning': { input: z.object({ context, namespace, tuning }).strict(), output: returns<ReadinessTuningEntry>() },
  /** Back to the defaults. */
  'readiness.resetTuning': { input: z.object({ context, namespace }).strict(), output: returns<ReadinessTuningEntry>() },
  /** The go/no-go report of one namespace from the last check. */
  'readiness.export': { input: z.object({ context, namespace, format: z.enum(['markdown', 'csv']) }).strict(), output: returns<ReadinessExport>() },
} as const;
