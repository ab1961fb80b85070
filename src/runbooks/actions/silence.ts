import { z } from 'zod';
import { MATCHER_OPS, type LabelMatcher, type MatcherOp } from '../../contract';
import { parseDuration } from '../../monitoring/rules/duration';
import { matcherProblem } from '../../monitoring/rules/matchers';
import type { SilenceStore } from '../../monitoring/rules/silenceStore';
import type { ActionKind } from './registry';

const MATCHER = /^\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)\s*"((?:[^"\\]|\\.)*)"\s*(?:,|$)/;

/** Matchers written as in a PromQL selector: `alertname="DiskFilling", instance=~"db-.*"` (braces optional). */
export function parseMatchers(text: string): LabelMatcher[] {
  let rest = text.trim().replace(/^\{/, '').replace(/\}$/, '');
  const matchers: LabelMatcher[] = [];
  while (rest.trim()) {
    const m = MATCHER.exec(rest);
    if (!m || !(MATCHER_OPS as readonly string[]).includes(m[2]!)) throw new Error(`cannot read the matchers at "${rest.trim().slice(0, 40)}": write name="value", separated by commas`);
    matchers.push({ name: m[1]!, op: m[2] as MatcherOp, value: m[3]!.replace(/\\(.)/g, '$1') });
    rest = rest.slice(m[0].length);
  }
  if (!matchers.length) throw new Error('at least one matcher is needed');
  return matchers;
}

const matchersSchema = z.string().superRefine((text, ctx) => {
  try {
    const problem = parseMatchers(text).map(matcherProblem).find((p) => p !== null);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  } catch (err) {
    ctx.addIssue({ code: 'custom', message: (err as Error).message });
  }
});

const durationSchema = z.string().refine((d) => (parseDuration(d) ?? 0) > 0, 'must be a duration such as 30m or 2h');

/** Silences matching alerts for a while, through the monitoring engine's silence store. */
export function silenceActionKind(silences: SilenceStore, onChange: () => void): ActionKind {
  return {
    kind: 'silence',
    title: 'Silence alerts for a while',
    params: [
      { name: 'matchers', label: 'Matchers', type: 'string', schema: matchersSchema },
      { name: 'duration', label: 'Duration', type: 'string', schema: durationSchema },
      { name: 'comment', label: 'Comment', type: 'string', schema: z.string().trim().min(1).max(2000), default: 'Silenced during a runbook run.' },
    ],
    describe: (v) => `Silence alerts matching {${String(v.matchers)}} for ${String(v.duration)}.`,
    run: async (v, { actor, runId, step }) => {
      const silence = silences.create({
        matchers: parseMatchers(String(v.matchers)),
        endsAt: Date.now() + parseDuration(String(v.duration))!,
        comment: `${String(v.comment)} (runbook run ${runId}, step ${step})`,
        createdBy: actor,
      });
      onChange();
      return { message: `Silence ${silence.id} created; it ends at ${new Date(silence.endsAt).toISOString()}.`, auditId: null };
    },
  };
}
