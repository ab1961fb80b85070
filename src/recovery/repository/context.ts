import { OpsdeckError } from '../../contract/errors';
import { type BlobType, decodeBlob } from './blob';
import type { BlobIndex } from './blobIndex';
import type { MasterKeys } from './keys';
import type { PackReader } from './packs';
import { type Tree, type TreeNode, decodeTree, joinPath } from './trees';

/** What every operation on an open repository shares. */
export interface RepoContext {
  root: string;
  keys: MasterKeys;
  gear: Int32Array;
  index: BlobIndex;
}

/** Reads, decrypts and checks one blob. */
export async function readBlob(ctx: RepoContext, reader: PackReader, type: BlobType, id: string): Promise<Buffer> {
  const at = ctx.index.get(type, id);
  if (!at) throw new OpsdeckError('NOT_FOUND', `The repository has no ${type} chunk ${id}: run verify.`);
  const sealed = await reader.read(at.pack, at.offset, at.length);
  return decodeBlob(ctx.keys, sealed, { id, pack: at.pack, compressed: at.compressed });
}

export async function loadTree(ctx: RepoContext, reader: PackReader, id: string): Promise<Tree> {
  return decodeTree(await readBlob(ctx, reader, 'tree', id));
}

/** The node at `path` under a root tree, or null; the empty path is the root folder itself. */
export async function findNode(
  ctx: RepoContext,
  reader: PackReader,
  rootTree: string,
  path: string,
): Promise<TreeNode | null> {
  let node: TreeNode = { name: '', type: 'dir', mode: 0o755, mtimeMs: 0, size: 0, subtree: rootTree };
  for (const name of path ? path.split('/') : []) {
    if (node.type !== 'dir' || !node.subtree) return null;
    const tree = await loadTree(ctx, reader, node.subtree);
    const next = tree.nodes.find((n) => n.name === name);
    if (!next) return null;
    node = next;
  }
  return node;
}

/** Visits every node under a tree, depth first, parents before children. */
export async function walkTree(
  ctx: RepoContext,
  reader: PackReader,
  treeId: string,
  visit: (node: TreeNode, path: string) => void | Promise<void>,
  dir = '',
): Promise<void> {
  const tree = await loadTree(ctx, reader, treeId);
  for (const node of tree.nodes) {
    const path = joinPath(dir, node.name);
    await visit(node, path);
    if (node.type === 'dir' && node.subtree) await walkTree(ctx, reader, node.subtree, visit, path);
  }
}
