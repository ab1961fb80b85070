import type { K8sObjectKind, K8sObjectRow, K8sPodRow } from '@contract';
import { K8S_OBJECT_KINDS } from '@contract/types';
import { useEffect, useState } from 'react';
import { useApp } from '../../state/StoreProvider';
import type { ObjectRef } from './kinds';
import { useK8sChanged } from './useK8sChanged';

const isObjectKind = (kind: string): kind is K8sObjectKind => (K8S_OBJECT_KINDS as readonly string[]).includes(kind);

/** An object's row in its table: a pod's (status, node, usage) or another kind's (status and health). */
export type TableRow = { kind: 'pod'; row: K8sPodRow } | { kind: 'object'; row: K8sObjectRow };

/**
 * The table row of one object, read with the same query the tables use (by name, then the
 * exact match); null while unknown. Read again when the object's kind changes.
 */
export function useObjectRow(object: ObjectRef): TableRow | null {
  const client = useApp((s) => s.client);
  const [found, setFound] = useState<TableRow | null>(null);
  const [attempt, setAttempt] = useState(0);
  const { context, kind, namespace, name } = object;

  useEffect(() => {
    let live = true;
    const query = { context, ...(namespace ? { namespace } : {}), text: name, limit: 100 };
    const same = (r: { namespace: string | null; name: string }) => r.name === name && r.namespace === namespace;
    const read: Promise<TableRow | null> =
      kind === 'pods'
        ? client.call('k8s.pods', query).then((page) => {
            const row = page.rows.find(same);
            return row ? { kind: 'pod', row } : null;
          })
        : isObjectKind(kind)
          ? client.call('k8s.objects', { ...query, kind }).then((page) => {
              const row = page.rows.find(same);
              return row ? { kind: 'object', row } : null;
            })
          : Promise.resolve(null);
    read.then(
      (row) => live && setFound(row),
      () => live && setFound(null),
    );
    return () => {
      live = false;
    };
  }, [client, context, kind, namespace, name, attempt]);

  useK8sChanged(context, [kind], () => setAttempt((n) => n + 1));
  return found;
}
