import { type RepoContext, loadTree, walkTree } from './context';
import type { PackReader } from './packs';
import { type TreeNode, joinPath } from './trees';
import type { DiffEntry, SnapshotDiff } from './types';

/** Files and links added, removed and changed between two snapshots; equal subtrees are skipped unread. */
export async function diffSnapshots(ctx: RepoContext, reader: PackReader, before: string, after: string): Promise<SnapshotDiff> {
  const diff: SnapshotDiff = { added: [], removed: [], changed: [], bytesAdded: 0, bytesRemoved: 0 };
  await compare(ctx, reader, before, after, '', diff);
  return diff;
}

async function compare(
  ctx: RepoContext,
  reader: PackReader,
  before: string,
  after: string,
  dir: string,
  diff: SnapshotDiff,
): Promise<void> {
  if (before === after) return;
  const a = new Map((await loadTree(ctx, reader, before)).nodes.map((n) => [n.name, n]));
  const b = new Map((await loadTree(ctx, reader, after)).nodes.map((n) => [n.name, n]));
  const names = [...new Set([...a.keys(), ...b.keys()])].sort();
  for (const name of names) {
    const path = joinPath(dir, name);
    const was = a.get(name);
    const now = b.get(name);
    if (was?.type === 'dir' && now?.type === 'dir') {
      await compare(ctx, reader, was.subtree!, now.subtree!, path, diff);
      continue;
    }
    if (was && now) {
      if (sameContent(was, now)) continue;
      if (was.type !== 'dir' && now.type !== 'dir') {
        diff.changed.push({ path, type: now.type, sizeBefore: was.size, sizeAfter: now.size });
        diff.bytesAdded += Math.max(0, now.size - was.size);
        diff.bytesRemoved += Math.max(0, was.size - now.size);
        continue;
      }
    }
    if (was) await everything(ctx, reader, was, path, (entry) => {
      diff.removed.push(entry);
      diff.bytesRemoved += entry.sizeBefore ?? 0;
    }, 'before');
    if (now) await everything(ctx, reader, now, path, (entry) => {
      diff.added.push(entry);
      diff.bytesAdded += entry.sizeAfter ?? 0;
    }, 'after');
  }
}

function sameContent(a: TreeNode, b: TreeNode): boolean {
  if (a.type !== b.type) return false;
  if (a.type === 'symlink') return a.linkTarget === b.linkTarget;
  return a.size === b.size && (a.content ?? []).join() === (b.content ?? []).join();
}

/** Every file and link at or under a node, as diff entries on one side. */
async function everything(
  ctx: RepoContext,
  reader: PackReader,
  node: TreeNode,
  path: string,
  add: (entry: DiffEntry) => void,
  side: 'before' | 'after',
): Promise<void> {
  const entry = (n: TreeNode, p: string): DiffEntry => ({
    path: p,
    type: n.type,
    sizeBefore: side === 'before' ? n.size : null,
    sizeAfter: side === 'after' ? n.size : null,
  });
  if (node.type !== 'dir') {
    add(entry(node, path));
    return;
  }
  await walkTree(ctx, reader, node.subtree!, (n, p) => {
    if (n.type !== 'dir') add(entry(n, p));
  }, path);
}
