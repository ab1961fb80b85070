import { isMap, isScalar, isSeq, type LineCounter, type Node, type Pair, type YAMLMap } from 'yaml';
import type { RoutingProblem } from '../../contract';

/** Stops reading one part of the config at its problem; the walk reports it and goes on with the next part. */
export class ConfigProblem extends Error {
  constructor(
    message: string,
    readonly node: Node | null | undefined,
  ) {
    super(message);
  }
}

export type Fields = Map<string, { key: Node; value: Node | null }>;

/** Reads YAML nodes with their positions, for problems that name a line. */
export class NodeReader {
  readonly problems: RoutingProblem[] = [];

  constructor(private readonly lines: LineCounter) {}

  at(node: Node | null | undefined): { line: number; column: number } {
    const { line, col } = this.lines.linePos(node?.range?.[0] ?? 0);
    return { line, column: col };
  }

  report(message: string, node: Node | null | undefined): void {
    this.problems.push({ ...this.at(node), message });
  }

  /** Runs read; a ConfigProblem becomes a reported problem and the fallback. */
  attempt<T>(read: () => T, fallback: T): T {
    try {
      return read();
    } catch (err) {
      if (!(err instanceof ConfigProblem)) throw err;
      this.report(err.message, err.node);
      return fallback;
    }
  }

  /** A mapping's fields; a key outside allowed is refused, with hint for it when one is given. */
  fields(node: Node | null | undefined, what: string, allowed: readonly string[], hints: Record<string, string> = {}): Fields {
    if (!isMap(node)) throw new ConfigProblem(`${what} must be a mapping`, node);
    const fields: Fields = new Map();
    for (const pair of (node as YAMLMap).items as Pair<Node, Node | null>[]) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (hints[key]) throw new ConfigProblem(hints[key], pair.key);
      if (!allowed.includes(key)) throw new ConfigProblem(`field ${key} not found in ${what}`, pair.key);
      fields.set(key, { key: pair.key, value: pair.value });
    }
    return fields;
  }
}

/** An absent value, or an explicit null. */
export const isNull = (node: Node | null | undefined) => !node || (isScalar(node) && node.value === null);

export function scalarText(node: Node | null | undefined, what: string): string {
  if (!isScalar(node) || node.value === null || typeof node.value === 'object') throw new ConfigProblem(`${what} must be a string`, node);
  return String(node.value);
}

export function listItems(node: Node | null | undefined, what: string): Node[] {
  if (isNull(node)) return [];
  if (!isSeq(node)) throw new ConfigProblem(`${what} must be a list`, node);
  return node.items as Node[];
}

/** A mapping of names to strings, each with its value's node. */
export function stringPairs(node: Node | null | undefined, what: string): { name: string; value: string; node: Node }[] {
  if (isNull(node)) return [];
  if (!isMap(node)) throw new ConfigProblem(`${what} must be a mapping of label names to strings`, node);
  return (node.items as Pair<Node, Node | null>[]).map((pair) => ({
    name: scalarText(pair.key, `a key of ${what}`),
    value: scalarText(pair.value, `${what}.${isScalar(pair.key) ? String(pair.key.value) : ''}`),
    node: pair.value ?? pair.key,
  }));
}
