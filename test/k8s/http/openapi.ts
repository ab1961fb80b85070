/**
 * A minimal OpenAPI v3 description: no schemas, only each kind's PATCH operation declaring the
 * fieldValidation parameter. That is what kubectl reads to decide the server validates fields
 * itself, so `kubectl create -f` and `kubectl apply -f` work without client-side schemas.
 * (Fields are not checked against schemas here: unknown fields are kept, not rejected.)
 */
import { createHash } from 'node:crypto';
import { groupVersions, type GroupVersion } from '../resources';

function gvPath(gv: GroupVersion): string {
  return gv.group ? `apis/${gv.group}/${gv.version}` : `api/${gv.version}`;
}

function gvDoc(gv: GroupVersion) {
  const paths: Record<string, unknown> = {};
  for (const rt of gv.resources) {
    const base = `/${gvPath(gv)}${rt.namespaced ? '/namespaces/{namespace}' : ''}/${rt.resource}/{name}`;
    paths[base] = {
      patch: {
        operationId: `patch${rt.namespaced ? 'Namespaced' : ''}${rt.kind}`,
        'x-kubernetes-action': 'patch',
        'x-kubernetes-group-version-kind': { group: rt.group, version: rt.version, kind: rt.kind },
        parameters: [
          { name: 'dryRun', in: 'query', schema: { type: 'string', uniqueItems: true } },
          { name: 'fieldManager', in: 'query', schema: { type: 'string', uniqueItems: true } },
          { name: 'fieldValidation', in: 'query', schema: { type: 'string', uniqueItems: true } },
        ],
        responses: { '200': { description: 'OK' } },
      },
    };
  }
  return { openapi: '3.0.0', info: { title: 'Kubernetes', version: 'v1.32.0' }, paths, components: { schemas: {} } };
}

export class OpenApi {
  private docs = new Map<string, { body: string; hash: string }>();

  constructor() {
    for (const gv of groupVersions()) {
      const body = JSON.stringify(gvDoc(gv));
      this.docs.set(gvPath(gv), { body, hash: createHash('sha512').update(body).digest('hex').slice(0, 128).toUpperCase() });
    }
  }

  index() {
    const paths: Record<string, { serverRelativeURL: string }> = {};
    for (const [p, d] of this.docs) paths[p] = { serverRelativeURL: `/openapi/v3/${p}?hash=${d.hash}` };
    return { paths };
  }

  /** The document for "api/v1" or "apis/apps/v1" as JSON text. */
  doc(path: string): string | undefined {
    return this.docs.get(path)?.body;
  }
}
