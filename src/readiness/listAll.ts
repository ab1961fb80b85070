import type { KubeSession } from '../kubernetes/kubeApi';
import { listAt, objectAt, stringAt } from '../kubernetes/kinds/read';

const PAGE = 500;

/** Every item of a collection, read in pages as kubectl does (limit and continue). */
export async function listAll(s: KubeSession, path: string, signal: AbortSignal): Promise<unknown[]> {
  const items: unknown[] = [];
  let token: string | null = null;
  do {
    const query = new URLSearchParams({ limit: String(PAGE) });
    if (token) query.set('continue', token);
    const page = objectAt(await s.getJson(`${path}?${query}`, signal));
    items.push(...listAt(page.items));
    token = stringAt(objectAt(page.metadata).continue) || null;
  } while (token);
  return items;
}
