import { describe, expect, it } from 'vitest';
import type { RunbookSeverity } from '../../../src/contract';
import { RunbookSearchIndex } from '../../../src/runbooks/search/searchIndex';

const doc = (id: string, title: string, tags: string[], text: string, severity: RunbookSeverity = 'high', category = 'kubernetes') => ({
  summary: { id, title, category, severity, tags, source: 'built-in', path: `/rb/${id}.md` },
  text,
});

const index = new RunbookSearchIndex([
  doc('disk', 'Disk filling up', ['disk', 'storage'], 'Free space on the mount. Prune Docker images. Check the journal size.', 'critical', 'capacity'),
  doc('crash', 'Pod crash-looping', ['pods', 'restarts'], 'Read the previous log of the pod. A disk full node can also make pods crash.'),
  doc('restore', 'Restore a database', ['postgresql', 'backup'], 'Restore the snapshot into a new database; never over the damaged one.', 'critical', 'disaster-recovery'),
  doc('memory', 'Memory pressure', ['memory', 'oom'], 'Containers killed for memory. Pods restarting with OOMKilled.', 'medium', 'capacity'),
]);

const ids = (r: ReturnType<typeof index.search>) => r.hits.map((h) => h.runbook.id);

describe('runbook search', () => {
  it('ranks a title match above a body mention', () => {
    expect(ids(index.search({ text: 'disk', limit: 10 }))).toEqual(['disk', 'crash']);
  });

  it('stems words and completes the last one as it is typed', () => {
    expect(ids(index.search({ text: 'restarting pods', limit: 10 }))[0]).toBe('crash');
    expect(ids(index.search({ text: 'postgr', limit: 10 }))).toEqual(['restore']);
  });

  it('highlights the matched words in the title and a snippet of the body', () => {
    const [hit] = index.search({ text: 'snapshot', limit: 1 }).hits;
    expect(hit!.title.every((s) => !s.hit)).toBe(true);
    expect(hit!.snippet.filter((s) => s.hit).map((s) => s.text)).toEqual(['snapshot']);
    const [crash] = index.search({ text: 'crash', limit: 1 }).hits;
    expect(crash!.title).toEqual([
      { text: 'Pod ', hit: false },
      { text: 'crash', hit: true },
      { text: '-looping', hit: false },
    ]);
  });

  it('filters by category, severity and tag, and lists everything for an empty query', () => {
    expect(ids(index.search({ text: 'pods', category: 'capacity', limit: 10 }))).toEqual(['memory']);
    expect(ids(index.search({ text: '', severity: 'critical', limit: 10 }))).toEqual(['disk', 'restore']);
    expect(ids(index.search({ text: '', tag: 'oom', limit: 10 }))).toEqual(['memory']);
    const all = index.search({ text: '', limit: 2 });
    expect(all.total).toBe(4);
    expect(all.hits).toHaveLength(2);
    expect(all.facets.categories).toEqual([
      { value: 'capacity', count: 2 },
      { value: 'disaster-recovery', count: 1 },
      { value: 'kubernetes', count: 1 },
    ]);
  });

  it('finds nothing for words no runbook has', () => {
    expect(index.search({ text: 'kafka', limit: 10 })).toMatchObject({ hits: [], total: 0 });
  });
});
