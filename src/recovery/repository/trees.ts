import type { NodeType } from './types';

/** One entry of a folder listing as stored in a tree blob. */
export interface TreeNode {
  name: string;
  type: NodeType;
  mode: number;
  mtimeMs: number;
  size: number;
  /** Change time and inode let the next backup of a files target skip unchanged files. */
  ctimeMs?: number;
  inode?: number;
  /** Data blob ids, in order (files). */
  content?: string[];
  /** Tree blob id (folders). */
  subtree?: string;
  linkTarget?: string;
}

export interface Tree {
  nodes: TreeNode[];
}

export function encodeTree(nodes: TreeNode[]): Buffer {
  const sorted = [...nodes].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return Buffer.from(JSON.stringify({ nodes: sorted }));
}

export function decodeTree(plain: Buffer): Tree {
  return JSON.parse(plain.toString()) as Tree;
}

/** Joins snapshot paths, which are always slash-separated and relative. */
export const joinPath = (dir: string, name: string): string => (dir ? `${dir}/${name}` : name);

/** `a/b/` → `a/b`, `/a` → `a`, `.` → ``: the form every snapshot path takes. */
export function normalizePath(p: string): string {
  return p
    .split('/')
    .filter((part) => part !== '' && part !== '.')
    .join('/');
}
