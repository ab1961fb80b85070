import type { MdInline } from '../../contract';

const ESCAPABLE = /[\\`*_{}[\]()#+\-.!|<>~"']/;
/** Links that may be followed: the web, mail, and anchors inside the document. Anything else stays text. */
const SAFE_HREF = /^(https?:\/\/[^\s<>"]+|mailto:[^\s<>"]+|#[A-Za-z0-9_-]*)$/i;
const AUTOLINK = /^<(https?:\/\/[^\s<>]+)>/i;
const WORD = /[\p{L}\p{N}]/u;
/** Characters that may start markup; everything between them is plain text. */
const SPECIAL = /[\\`*_[<]/g;

/** The href if it is safe to follow, else null. */
export function safeHref(href: string): string | null {
  return SAFE_HREF.test(href) ? href : null;
}

function pushText(out: MdInline[], v: string): void {
  if (!v) return;
  const last = out.at(-1);
  if (last?.t === 'text') last.v += v;
  else out.push({ t: 'text', v });
}

/** The index of the `]` that closes the `[` at `open`, or -1. */
function closingBracket(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const ch = s[i];
    if (ch === '\\') i++;
    else if (ch === '[') depth++;
    else if (ch === ']' && --depth === 0) return i;
  }
  return -1;
}

/** The index where a `delim` run closes emphasis opened before `from`, or -1. */
function closingDelimiter(s: string, from: number, delim: string): number {
  for (let i = from; i < s.length; i++) {
    if (s[i] === '\\') {
      i++;
      continue;
    }
    if (s[i] === '`') {
      const run = /^`+/.exec(s.slice(i))![0];
      const end = s.indexOf(run, i + run.length);
      if (end !== -1) i = end + run.length - 1;
      continue;
    }
    if (!s.startsWith(delim, i) || i === from || /\s/.test(s[i - 1]!)) continue;
    // A single delimiter must not be half of a double one, and "_" never closes inside a word.
    if (delim.length === 1 && s[i + 1] === delim[0]) {
      i++;
      continue;
    }
    if (delim[0] === '_' && WORD.test(s[i + delim.length] ?? '')) continue;
    return i;
  }
  return -1;
}

/**
 * Inline Markdown: code spans, strong and emphasis, links and autolinks, backslash escapes.
 * Raw HTML is not interpreted: it stays text.
 */
export function parseInline(s: string): MdInline[] {
  const out: MdInline[] = [];
  let i = 0;
  while (i < s.length) {
    const ch = s[i]!;
    if (ch === '\\' && i + 1 < s.length && ESCAPABLE.test(s[i + 1]!)) {
      pushText(out, s[i + 1]!);
      i += 2;
      continue;
    }
    if (ch === '`') {
      const run = /^`+/.exec(s.slice(i))![0];
      const end = s.indexOf(run, i + run.length);
      if (end !== -1 && s[end + run.length] !== '`') {
        let code = s.slice(i + run.length, end).replace(/\n/g, ' ');
        if (code.length > 2 && code.startsWith(' ') && code.endsWith(' ')) code = code.slice(1, -1);
        out.push({ t: 'code', v: code });
        i = end + run.length;
        continue;
      }
      pushText(out, run);
      i += run.length;
      continue;
    }
    if (ch === '*' || ch === '_') {
      const double = s[i + 1] === ch;
      const delim = double ? ch + ch : ch;
      const after = s[i + delim.length] ?? '';
      const intraword = ch === '_' && i > 0 && WORD.test(s[i - 1]!);
      if (!intraword && after && !/\s/.test(after)) {
        const end = closingDelimiter(s, i + delim.length, delim);
        if (end !== -1) {
          const inner = parseInline(s.slice(i + delim.length, end));
          out.push(double ? { t: 'strong', c: inner } : { t: 'em', c: inner });
          i = end + delim.length;
          continue;
        }
      }
      pushText(out, delim);
      i += delim.length;
      continue;
    }
    if (ch === '[') {
      const close = closingBracket(s, i);
      const target = close === -1 ? null : /^\(\s*(<[^>]*>|[^\s()]*)(?:\s+"[^"]*")?\s*\)/.exec(s.slice(close + 1));
      if (close !== -1 && target) {
        const label = parseInline(s.slice(i + 1, close));
        const href = safeHref(target[1]!.replace(/^<|>$/g, ''));
        if (href) out.push({ t: 'link', href, c: label });
        else for (const part of label) part.t === 'text' ? pushText(out, part.v) : out.push(part);
        i = close + 1 + target[0].length;
        continue;
      }
    }
    if (ch === '<') {
      const auto = AUTOLINK.exec(s.slice(i));
      if (auto) {
        out.push({ t: 'link', href: auto[1]!, c: [{ t: 'text', v: auto[1]! }] });
        i += auto[0].length;
        continue;
      }
    }
    // Plain text up to the next character that may start markup, in one piece.
    SPECIAL.lastIndex = i + 1;
    const next = SPECIAL.exec(s)?.index ?? s.length;
    pushText(out, s.slice(i, next));
    i = next;
  }
  return out;
}

/** The words of inline content, without markup. */
export function inlineText(nodes: MdInline[]): string {
  return nodes.map((n) => (n.t === 'text' || n.t === 'code' ? n.v : inlineText(n.c))).join('');
}
