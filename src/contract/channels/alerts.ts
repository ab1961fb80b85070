import { z } from 'zod';
import type { AlertHistoryPage, AlertInstance, RuleFileInfo, RuleFileText, RulesList, RuleValidation, Silence } from '../types';
import { MATCHER_OPS, MAX_ALERT_PAGE, READ_ONLY_RULE_PREFIXES } from '../types';
import { empty, returns } from './schema';

/** A file directly in the rules folder: no folders, .yml or .yaml. */
const RULE_FILE_NAME = '[A-Za-z0-9][A-Za-z0-9._-]*\\.ya?ml';
const RULE_FILE_NAME_RULE = 'a file name ending in .yml or .yaml (letters, digits, ".", "_" and "-")';
const ruleFileName = z
  .string()
  .max(200)
  .regex(new RegExp(`^${RULE_FILE_NAME}$`), `must be ${RULE_FILE_NAME_RULE}`);
/** A name rules.files lists: a user file, or one of the read-only files under its prefix. */
const listedRuleFileName = z
  .string()
  .max(220)
  .regex(
    new RegExp(`^(?:${Object.values(READ_ONLY_RULE_PREFIXES).join('|')})?${RULE_FILE_NAME}$`),
    `must be ${RULE_FILE_NAME_RULE}, optionally after ${Object.values(READ_ONLY_RULE_PREFIXES).join(' or ')}`,
  );
const ruleText = z.string().max(1_048_576);
const id = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
/** Epoch milliseconds. */
const time = z.number().int().min(0).max(8.64e15);
const comment = z.string().trim().max(2000);

const matcher = z
  .object({
    name: z.string().regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, 'must be a label name (letters, digits and _)').max(1024),
    op: z.enum(MATCHER_OPS),
    value: z.string().max(4096),
  })
  .strict();

export const alertsChannels = {
  /** The loaded rule groups with each rule's health, last evaluation and error. */
  'rules.list': { input: empty, output: returns<RulesList>() },
  /** The rule files: the user's (editable) and the defaults shipped with Opsdeck (read-only). */
  'rules.files': { input: empty, output: returns<RuleFileInfo[]>() },
  /** A listed rule file's text; read-only for the defaults and the generated files. */
  'rules.read': { input: z.object({ name: listedRuleFileName }).strict(), output: returns<RuleFileText>() },
  /** Checks a rule file's text; expressions are checked by the rules' Prometheus source when one is connected. */
  'rules.validate': { input: z.object({ name: ruleFileName.default('rules.yml'), text: ruleText }).strict(), output: returns<RuleValidation>() },
  /** Validates, then writes the file into the rules folder; invalid text is refused with its problems. */
  'rules.save': { input: z.object({ name: ruleFileName, text: ruleText }).strict(), output: returns<RuleFileInfo[]>() },
  /** The Prometheus source rules are evaluated against; null: the first connected one. */
  'rules.setSource': { input: z.object({ source: id.nullable() }).strict(), output: returns<RulesList>() },
  /** Pending and firing alerts, with their silences and acknowledgement. */
  'alerts.list': { input: empty, output: returns<AlertInstance[]>() },
  /** Every alert instance, newest first, filtered by text (name, labels, annotations) and state. */
  'alerts.history': {
    input: z
      .object({
        text: z.string().max(200).optional(),
        state: z.enum(['pending', 'firing', 'resolved']).optional(),
        limit: z.number().int().min(1).max(MAX_ALERT_PAGE).default(50),
        offset: z.number().int().min(0).max(10_000_000).default(0),
      })
      .strict(),
    output: returns<AlertHistoryPage>(),
  },
  /** Acknowledges an alert instance; the caller is recorded as who. */
  'alerts.ack': { input: z.object({ id, comment: comment.default('') }).strict(), output: returns<AlertInstance>() },
  'silences.list': { input: empty, output: returns<Silence[]>() },
  /** Mutes matching alerts between startsAt (default now) and endsAt, with Alertmanager's matcher semantics. */
  'silences.create': {
    input: z
      .object({ matchers: z.array(matcher).min(1).max(50), startsAt: time.optional(), endsAt: time, comment: comment.min(1) })
      .strict(),
    output: returns<Silence>(),
  },
  /** Ends a silence now. */
  'silences.expire': { input: z.object({ id }).strict(), output: returns<Silence>() },
} as const;
