import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { RUNBOOK_SEVERITIES, type RelatedAlert, type RunbookSeverity } from '../contract';

/** A problem at a line of the file; the parser turns it into a RunbookProblem. */
export class RunbookFileError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

export interface FrontMatter {
  id: string;
  title: string;
  category: string;
  severity: RunbookSeverity;
  tags: string[];
  prerequisites: string[];
  relatedAlerts: RelatedAlert[];
  objectives: string[];
}

const ID = /^[a-z0-9][a-z0-9-]{0,99}$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const REQUIRED = ['id', 'title', 'category', 'severity', 'objectives'] as const;
const FIELDS = new Set<string>([...REQUIRED, 'tags', 'prerequisites', 'related_alerts']);
const DELIMITER = /^---\s*$/;

/**
 * Splits a runbook into its front matter (the YAML between the first two `---` lines) and
 * its body, and checks every field. Errors carry the file line they are about.
 */
export function readFrontMatter(lines: string[]): { matter: FrontMatter; bodyStart: number } {
  if (!DELIMITER.test(lines[0] ?? '')) throw new RunbookFileError('a runbook starts with YAML front matter between two --- lines', 1);
  const end = lines.findIndex((line, i) => i > 0 && DELIMITER.test(line));
  if (end === -1) throw new RunbookFileError('the front matter is not closed: no --- line after it', 1);

  const counter = new LineCounter();
  const doc = parseDocument(lines.slice(1, end).join('\n'), { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  // The YAML starts on the file's second line.
  const lineOf = (node: Node | null | undefined) => 1 + counter.linePos(node?.range?.[0] ?? 0).line;
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    throw new RunbookFileError(`front matter: ${e.message.split('\n')[0]}`, 1 + counter.linePos(e.pos[0]).line);
  }
  if (!isMap(doc.contents)) throw new RunbookFileError('front matter: write a YAML map (id, title, category, severity, objectives…)', 2);

  const nodes = new Map<string, Node | null>();
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!FIELDS.has(key)) throw new RunbookFileError(`front matter: unknown field "${key}" (fields: ${[...FIELDS].join(', ')})`, lineOf(pair.key as Node));
    nodes.set(key, (pair.value as Node | null) ?? null);
  }
  for (const field of REQUIRED) if (!nodes.has(field)) throw new RunbookFileError(`front matter: the field "${field}" is missing`, end + 1);

  const text = (field: string): string => {
    const node = nodes.get(field);
    if (!isScalar(node) || typeof node.value !== 'string' || !node.value.trim()) throw new RunbookFileError(`front matter: ${field} must be text`, lineOf(node ?? doc.contents));
    return node.value.trim();
  };
  const list = (field: string): string[] => {
    const node = nodes.get(field);
    if (node === undefined) return [];
    if (!isSeq(node)) throw new RunbookFileError(`front matter: ${field} must be a list`, lineOf(node ?? doc.contents));
    return node.items.map((item) => {
      if (!isScalar(item) || (typeof item.value !== 'string' && typeof item.value !== 'number')) throw new RunbookFileError(`front matter: each of ${field} must be text`, lineOf(item as Node));
      return String(item.value).trim();
    });
  };

  const id = text('id');
  if (!ID.test(id)) throw new RunbookFileError('front matter: id must be lower-case letters, digits and - (at most 100)', lineOf(nodes.get('id')));
  const severity = text('severity');
  if (!(RUNBOOK_SEVERITIES as readonly string[]).includes(severity)) throw new RunbookFileError(`front matter: severity must be one of ${RUNBOOK_SEVERITIES.join(', ')}`, lineOf(nodes.get('severity')));
  const objectives = list('objectives');
  if (!objectives.length) throw new RunbookFileError('front matter: objectives must name at least one', lineOf(nodes.get('objectives')));
  return {
    matter: {
      id,
      title: text('title'),
      category: text('category').toLowerCase(),
      severity: severity as RunbookSeverity,
      tags: [...new Set(list('tags').map((t) => t.toLowerCase()))],
      prerequisites: list('prerequisites'),
      relatedAlerts: relatedAlerts(nodes.get('related_alerts'), lineOf),
      objectives,
    },
    bodyStart: end + 1,
  };
}

/** related_alerts: each an alertname, or a map of labels that must all be equal. */
function relatedAlerts(node: Node | null | undefined, lineOf: (n: Node | null | undefined) => number): RelatedAlert[] {
  if (node === undefined) return [];
  if (!isSeq(node)) throw new RunbookFileError('front matter: related_alerts must be a list of alert names or label maps', lineOf(node));
  return node.items.map((item): RelatedAlert => {
    if (isScalar(item) && typeof item.value === 'string' && LABEL_NAME.test(item.value)) return { alertname: item.value };
    if (isMap(item) && item.items.length) {
      const labels: Record<string, string> = {};
      for (const pair of item.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : '';
        const value = isScalar(pair.value) ? pair.value.value : undefined;
        if (!LABEL_NAME.test(key) || (typeof value !== 'string' && typeof value !== 'number')) throw new RunbookFileError('front matter: related_alerts labels are name: value pairs', lineOf(pair.key as Node));
        labels[key] = String(value);
      }
      return { labels };
    }
    throw new RunbookFileError('front matter: each of related_alerts is an alert name or a map of labels', lineOf(item as Node));
  });
}
