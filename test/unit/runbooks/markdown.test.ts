import { describe, expect, it } from 'vitest';
import { parseBlocks } from '../../../src/runbooks/markdown/blocks';
import { parseInline } from '../../../src/runbooks/markdown/inline';

const blocks = (text: string) => parseBlocks(text.split('\n'), 1);

describe('runbook Markdown', () => {
  it('reads inline code, emphasis and safe links, and leaves raw HTML as text', () => {
    expect(parseInline('Run `kubectl get pods` **now**, see [the docs](https://kubernetes.io/docs) or _this_')).toEqual([
      { t: 'text', v: 'Run ' },
      { t: 'code', v: 'kubectl get pods' },
      { t: 'text', v: ' ' },
      { t: 'strong', c: [{ t: 'text', v: 'now' }] },
      { t: 'text', v: ', see ' },
      { t: 'link', href: 'https://kubernetes.io/docs', c: [{ t: 'text', v: 'the docs' }] },
      { t: 'text', v: ' or ' },
      { t: 'em', c: [{ t: 'text', v: 'this' }] },
    ]);
    expect(parseInline('<img src=x onerror=alert(1)> and [click](javascript:void) [x](file:///etc/passwd)')).toEqual([{ t: 'text', v: '<img src=x onerror=alert(1)> and click x' }]);
    expect(parseInline('snake_case_name stays')).toEqual([{ t: 'text', v: 'snake_case_name stays' }]);
  });

  it('reads headings, nested lists with code, quotes and tables with their lines', () => {
    const doc = blocks(['# Title', '', '1. First', '   - nested', '2. Second', '', '   ```sh', '   df -h', '   ```', '', '> careful', '', '| a | b |', '|:--|--:|', '| 1 | 2 |'].join('\n'));
    expect(doc.map((b) => [b.t, b.line])).toEqual([
      ['heading', 1],
      ['list', 3],
      ['quote', 11],
      ['table', 13],
    ]);
    const list = doc[1] as Extract<(typeof doc)[number], { t: 'list' }>;
    expect(list.items).toHaveLength(2);
    expect(list.items[0]!.map((b) => b.t)).toEqual(['paragraph', 'list']);
    expect(list.items[1]![1]).toEqual({ t: 'code', lang: 'sh', text: 'df -h', line: 7 });
    expect(doc[3]).toMatchObject({ t: 'table', align: ['left', 'right'], rows: [[[{ t: 'text', v: '1' }], [{ t: 'text', v: '2' }]]] });
  });

  it('gives headings unique anchors', () => {
    const doc = blocks('## Steps\n\n## Steps\n\n## Rollback & undo');
    expect(doc.map((b) => (b.t === 'heading' ? b.id : null))).toEqual(['steps', 'steps-1', 'rollback-undo']);
  });
});
