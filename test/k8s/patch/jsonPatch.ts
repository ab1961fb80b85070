/** JSON patch (RFC 6902): add, remove, replace, move, copy and test operations on JSON pointers. */
import { errors } from '../errors';
import { clone, deepEqual, isPlainObject } from '../json';

type Container = Record<string, unknown> | unknown[];

function parsePointer(pointer: unknown): string[] {
  if (typeof pointer !== 'string' || (pointer !== '' && !pointer.startsWith('/'))) {
    throw errors.patchFailed(`invalid JSON pointer: ${JSON.stringify(pointer)}`);
  }
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function arrayIndex(arr: unknown[], token: string, forAdd: boolean, op: string, pointer: string): number {
  if (forAdd && token === '-') return arr.length;
  if (!/^(0|[1-9]\d*)$/.test(token)) throw errors.patchFailed(`${op} operation does not apply: invalid array index "${token}" in ${pointer}`);
  const i = Number(token);
  if (i > arr.length || (!forAdd && i === arr.length)) {
    throw errors.patchFailed(`${op} operation does not apply: index ${i} out of bounds in ${pointer}`);
  }
  return i;
}

/** The parent container of a path and the last token. */
function locate(doc: unknown, tokens: string[], op: string, pointer: string): { parent: Container; last: string } {
  let cur: unknown = doc;
  for (const token of tokens.slice(0, -1)) {
    if (Array.isArray(cur)) cur = cur[arrayIndex(cur, token, false, op, pointer)];
    else if (isPlainObject(cur) && Object.hasOwn(cur, token)) cur = cur[token];
    else throw errors.patchFailed(`${op} operation does not apply: doc is missing path: "${pointer}"`);
  }
  if (!Array.isArray(cur) && !isPlainObject(cur)) throw errors.patchFailed(`${op} operation does not apply: doc is missing path: "${pointer}"`);
  return { parent: cur, last: tokens[tokens.length - 1] as string };
}

function read(doc: unknown, pointer: string, op: string): unknown {
  const tokens = parsePointer(pointer);
  if (tokens.length === 0) return doc;
  const { parent, last } = locate(doc, tokens, op, pointer);
  if (Array.isArray(parent)) return parent[arrayIndex(parent, last, false, op, pointer)];
  if (!Object.hasOwn(parent, last)) throw errors.patchFailed(`${op} operation does not apply: doc is missing key: ${pointer}`);
  return parent[last];
}

function add(doc: unknown, pointer: string, value: unknown): unknown {
  const tokens = parsePointer(pointer);
  if (tokens.length === 0) return value;
  const { parent, last } = locate(doc, tokens, 'add', pointer);
  if (Array.isArray(parent)) parent.splice(arrayIndex(parent, last, true, 'add', pointer), 0, value);
  else parent[last] = value;
  return doc;
}

function remove(doc: unknown, pointer: string, op = 'remove'): unknown {
  const tokens = parsePointer(pointer);
  if (tokens.length === 0) throw errors.patchFailed(`${op} operation does not apply: cannot remove the whole document`);
  const { parent, last } = locate(doc, tokens, op, pointer);
  if (Array.isArray(parent)) parent.splice(arrayIndex(parent, last, false, op, pointer), 1);
  else {
    if (!Object.hasOwn(parent, last)) throw errors.patchFailed(`${op} operation does not apply: doc is missing key: ${pointer}`);
    delete parent[last];
  }
  return doc;
}

/** Applies the operations to a copy of `target`; a failing operation throws 422. */
export function applyJsonPatch(target: unknown, patch: unknown): unknown {
  if (!Array.isArray(patch)) throw errors.badRequest('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  let doc = clone(target);
  for (const raw of patch) {
    if (!isPlainObject(raw)) throw errors.patchFailed('invalid JSON patch operation: not an object');
    const op = raw.op;
    const pointer = raw.path as string;
    switch (op) {
      case 'add':
        if (!Object.hasOwn(raw, 'value')) throw errors.patchFailed('add operation does not apply: missing value');
        doc = add(doc, pointer, clone(raw.value));
        break;
      case 'remove':
        doc = remove(doc, pointer);
        break;
      case 'replace':
        if (!Object.hasOwn(raw, 'value')) throw errors.patchFailed('replace operation does not apply: missing value');
        read(doc, pointer, 'replace');
        doc = parsePointer(pointer).length === 0 ? clone(raw.value) : add(remove(doc, pointer, 'replace'), pointer, clone(raw.value));
        break;
      case 'move': {
        const value = read(doc, raw.from as string, 'move');
        doc = add(remove(doc, raw.from as string, 'move'), pointer, value);
        break;
      }
      case 'copy':
        doc = add(doc, pointer, clone(read(doc, raw.from as string, 'copy')));
        break;
      case 'test':
        if (!deepEqual(read(doc, pointer, 'test'), raw.value)) throw errors.patchFailed(`testing value ${pointer} failed: test failed`);
        break;
      default:
        throw errors.patchFailed(`Unexpected kind: ${String(op)}`);
    }
  }
  return doc;
}
