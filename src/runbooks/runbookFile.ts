import type { MdBlock, RunbookTocEntry } from '../contract';
import { ACTION_FENCE, BindingError, parseBinding, type ActionBinding } from './actions/binding';
import type { ActionRegistry } from './actions/registry';
import { readFrontMatter, RunbookFileError, type FrontMatter } from './frontMatter';
import { blocksText, parseBlocks } from './markdown/blocks';
import { inlineText } from './markdown/inline';

/** The sections every runbook has, as level-2 headings. */
export const REQUIRED_SECTIONS = ['Steps', 'Rollback', 'Verification'] as const;

export interface ParsedStep {
  index: number;
  title: string;
  /** The step's content without its action block. */
  blocks: MdBlock[];
  binding: ActionBinding | null;
}

export interface ParsedRunbook extends FrontMatter {
  body: MdBlock[];
  toc: RunbookTocEntry[];
  steps: ParsedStep[];
  /** The body as plain text, for search. */
  text: string;
}

const isActionBlock = (b: MdBlock) => b.t === 'code' && b.lang === ACTION_FENCE;

/** Every action block in these blocks, however deeply nested. */
function actionBlocks(blocks: MdBlock[]): Extract<MdBlock, { t: 'code' }>[] {
  return blocks.flatMap((b) => {
    if (b.t === 'code') return isActionBlock(b) ? [b] : [];
    if (b.t === 'list') return b.items.flatMap(actionBlocks);
    if (b.t === 'quote') return actionBlocks(b.c);
    return [];
  });
}

const STEP_TITLE_MAX = 200;

function stepTitle(blocks: MdBlock[]): string {
  const first = blocks.find((b) => b.t === 'paragraph' || b.t === 'heading');
  const text = first && (first.t === 'paragraph' || first.t === 'heading') ? inlineText(first.c).replace(/\s+/g, ' ').trim() : '';
  return text.length > STEP_TITLE_MAX ? `${text.slice(0, STEP_TITLE_MAX - 1)}…` : text;
}

/**
 * A runbook file: front matter, the Markdown body, its table of contents, and the steps (the
 * items of the lists in "## Steps", each with at most one ```opsdeck-action block).
 * Throws RunbookFileError naming the line of the first problem.
 */
export function parseRunbookText(text: string, registry: ActionRegistry): ParsedRunbook {
  const lines = text.replace(/\r\n?/g, '\n').split('\n').map((l) => l.replace(/^\t+/, (tabs) => '    '.repeat(tabs.length)));
  const { matter, bodyStart } = readFrontMatter(lines);
  const body = parseBlocks(lines.slice(bodyStart), bodyStart + 1);

  const sections = new Map<string, number>();
  body.forEach((b, i) => {
    if (b.t === 'heading' && b.level === 2) sections.set(inlineText(b.c).trim().toLowerCase(), i);
  });
  for (const name of REQUIRED_SECTIONS) {
    if (!sections.has(name.toLowerCase())) throw new RunbookFileError(`the "## ${name}" section is missing (every runbook has ${REQUIRED_SECTIONS.join(', ')})`, lines.length);
  }

  const stepsAt = sections.get('steps')!;
  const stepsEnd = body.findIndex((b, i) => i > stepsAt && b.t === 'heading' && b.level <= 2);
  const stepsSection = body.slice(stepsAt + 1, stepsEnd === -1 ? undefined : stepsEnd);
  const steps: ParsedStep[] = [];
  for (const block of stepsSection) {
    if (block.t !== 'list') continue;
    for (const item of block.items) {
      const actions = actionBlocks(item);
      if (actions.length > 1) throw new RunbookFileError(`a step carries at most one ${ACTION_FENCE} block`, actions[1]!.line);
      let binding: ActionBinding | null = null;
      if (actions[0]) {
        try {
          binding = parseBinding(actions[0].text, actions[0].line, registry);
        } catch (err) {
          if (err instanceof BindingError) throw new RunbookFileError(err.message, err.line);
          throw err;
        }
      }
      steps.push({ index: steps.length + 1, title: stepTitle(item), blocks: item.filter((b) => !isActionBlock(b)), binding });
    }
  }
  const stepsHeading = body[stepsAt]!;
  if (!steps.length) throw new RunbookFileError('the "## Steps" section has no list: each list item is a step', stepsHeading.line);
  const outside = actionBlocks(body.filter((b) => !stepsSection.includes(b)));
  if (outside[0]) throw new RunbookFileError(`an ${ACTION_FENCE} block belongs inside a step of "## Steps"`, outside[0].line);

  const toc = body.flatMap((b) => (b.t === 'heading' && b.level <= 3 ? [{ level: b.level, id: b.id, text: inlineText(b.c) }] : []));
  return { ...matter, body, toc, steps, text: blocksText(body) };
}
