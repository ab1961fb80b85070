import type { MdAlign, MdBlock, MdInline } from '../../contract';
import { inlineText, parseInline } from './inline';

const FENCE = /^( {0,3})(`{3,}|~{3,})\s*([^`\s]*)[^`]*$/;
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const QUOTE = /^ {0,3}> ?/;
const LIST_ITEM = /^( {0,3})([-*+]|\d{1,9}[.)])( +|$)/;
const TABLE_DELIMITER = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

const isBlank = (line: string) => line.trim() === '';

/** A heading's anchor: lower-case words joined by "-", made unique within the document. */
export function slugger(): (text: string) => string {
  const seen = new Map<string, number>();
  return (text) => {
    const base =
      text
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s-]/gu, '')
        .trim()
        .replace(/\s+/g, '-') || 'section';
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return n === 0 ? base : `${base}-${n}`;
  };
}

/** Whether a line starts a block that ends a paragraph. */
function interrupts(line: string): boolean {
  return FENCE.test(line) || HEADING.test(line) || RULE.test(line) || QUOTE.test(line) || LIST_ITEM.test(line);
}

function splitRow(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  const body = line.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '\\' && body[i + 1] === '|') {
      cell += '|';
      i++;
    } else if (body[i] === '|') {
      cells.push(cell.trim());
      cell = '';
    } else cell += body[i];
  }
  cells.push(cell.trim());
  return cells;
}

function alignOf(cell: string): MdAlign {
  const left = cell.startsWith(':');
  const right = cell.endsWith(':');
  return left && right ? 'center' : right ? 'right' : left ? 'left' : null;
}

interface ListMarker {
  indent: number;
  ordered: boolean;
  /** The bullet character or the ordered delimiter: a different one starts a new list. */
  kind: string;
  start: number;
  /** The column item content starts at. */
  content: number;
}

function listMarker(line: string): ListMarker | null {
  const m = LIST_ITEM.exec(line);
  if (!m) return null;
  const indent = m[1]!.length;
  const marker = m[2]!;
  const spaces = m[3]!.length;
  const ordered = /\d/.test(marker[0]!);
  // More than four spaces after the marker: the content is indented code, which starts one space in.
  const gap = spaces === 0 || spaces > 4 ? 1 : spaces;
  return { indent, ordered, kind: ordered ? marker.at(-1)! : marker, start: ordered ? Number(marker.slice(0, -1)) : 1, content: indent + marker.length + gap };
}

/** Removes up to `n` leading spaces. */
const dedent = (line: string, n: number) => line.slice(Math.min(n, line.length - line.trimStart().length));

/**
 * Block Markdown (CommonMark's common subset plus GFM tables): headings, paragraphs, fenced
 * code, bullet and ordered lists (nested by indentation), block quotes, rules and tables.
 * `firstLine` is the file line of lines[0], so every block knows where it starts.
 */
export function parseBlocks(lines: string[], firstLine: number, slug: (text: string) => string = slugger()): MdBlock[] {
  const blocks: MdBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    const at = firstLine + i;
    if (isBlank(line)) {
      i++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const [, indent, marker, lang] = fence;
      const text: string[] = [];
      i++;
      const closer = new RegExp(`^ {0,3}${marker![0] === '`' ? '`' : '~'}{${marker!.length},}\\s*$`);
      while (i < lines.length && !closer.test(lines[i]!)) text.push(dedent(lines[i++]!, indent!.length));
      i++;
      blocks.push({ t: 'code', lang: lang ?? '', text: text.join('\n'), line: at });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      const c = parseInline(heading[2] ?? '');
      blocks.push({ t: 'heading', level: heading[1]!.length, id: slug(inlineText(c)), c, line: at });
      i++;
      continue;
    }
    if (RULE.test(line)) {
      blocks.push({ t: 'rule', line: at });
      i++;
      continue;
    }
    if (QUOTE.test(line)) {
      const inner: string[] = [];
      while (i < lines.length && QUOTE.test(lines[i]!)) inner.push(lines[i++]!.replace(QUOTE, ''));
      blocks.push({ t: 'quote', c: parseBlocks(inner, at, slug), line: at });
      continue;
    }
    const marker = listMarker(line);
    if (marker) {
      const items: MdBlock[][] = [];
      let current = marker;
      while (i < lines.length) {
        const itemAt = firstLine + i;
        const content = [lines[i]!.length > current.content ? lines[i]!.slice(current.content) : lines[i]!.slice(current.content - 1).trimStart()];
        i++;
        while (i < lines.length) {
          const next = lines[i]!;
          const indent = next.length - next.trimStart().length;
          if (isBlank(next)) {
            // A blank line belongs to the item only when the item goes on after it.
            let j = i;
            while (j < lines.length && isBlank(lines[j]!)) j++;
            const after = lines[j];
            if (after === undefined || after.length - after.trimStart().length < current.content) break;
            while (i < j) content.push(''), i++;
            continue;
          }
          if (indent >= current.content) content.push(next.slice(current.content));
          else if (!interrupts(next) && !isBlank(content.at(-1)!)) content.push(next.trimStart());
          else break;
          i++;
        }
        items.push(parseBlocks(content, itemAt, slug));
        while (i < lines.length && isBlank(lines[i]!)) i++;
        const next = i < lines.length ? listMarker(lines[i]!) : null;
        if (!next || next.ordered !== current.ordered || next.kind !== current.kind || next.indent >= current.content) break;
        current = next;
      }
      blocks.push({ t: 'list', ordered: marker.ordered, start: marker.start, items, line: at });
      continue;
    }
    if (line.includes('|') && i + 1 < lines.length && TABLE_DELIMITER.test(lines[i + 1]!) && lines[i + 1]!.includes('-')) {
      const head = splitRow(line);
      const align = splitRow(lines[i + 1]!).map(alignOf);
      const rows: MdInline[][][] = [];
      i += 2;
      while (i < lines.length && !isBlank(lines[i]!) && lines[i]!.includes('|')) {
        const cells = splitRow(lines[i++]!);
        rows.push(head.map((_, k) => parseInline(cells[k] ?? '')));
      }
      blocks.push({ t: 'table', align: head.map((_, k) => align[k] ?? null), head: head.map(parseInline), rows, line: at });
      continue;
    }
    const text = [line.trim()];
    i++;
    while (i < lines.length && !isBlank(lines[i]!) && !interrupts(lines[i]!)) text.push(lines[i++]!.trim());
    blocks.push({ t: 'paragraph', c: parseInline(text.join('\n')), line: at });
  }
  return blocks;
}

/** Blocks as plain text, one block a line: what search indexes and snippets quote. */
export function blocksText(blocks: MdBlock[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    switch (b.t) {
      case 'heading':
      case 'paragraph':
        out.push(inlineText(b.c));
        break;
      case 'code':
        out.push(b.text);
        break;
      case 'list':
        for (const item of b.items) out.push(blocksText(item));
        break;
      case 'quote':
        out.push(blocksText(b.c));
        break;
      case 'table':
        out.push(b.head.map(inlineText).join(' '), ...b.rows.map((r) => r.map(inlineText).join(' ')));
        break;
      case 'rule':
        break;
    }
  }
  return out.join('\n');
}
