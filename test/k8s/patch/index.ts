/** Applies a PATCH body by its content type. */
import { errors } from '../errors';
import { applyJsonPatch } from './jsonPatch';
import { applyMergePatch } from './mergePatch';
import { applyStrategicMergePatch } from './strategicMerge';

export const PATCH_TYPES = {
  json: 'application/json-patch+json',
  merge: 'application/merge-patch+json',
  strategic: 'application/strategic-merge-patch+json',
  apply: 'application/apply-patch+yaml',
} as const;

export type PatchType = 'json' | 'merge' | 'strategic';

export function patchTypeOf(contentType: string | undefined): PatchType {
  const media = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (media === PATCH_TYPES.json) return 'json';
  if (media === PATCH_TYPES.merge) return 'merge';
  if (media === PATCH_TYPES.strategic) return 'strategic';
  if (media === PATCH_TYPES.apply) throw errors.unsupportedMediaType('server-side apply (application/apply-patch+yaml) is not supported by the test API server');
  throw errors.unsupportedMediaType(
    `the body of the request was in an unknown format - accepted media types include: ${PATCH_TYPES.json}, ${PATCH_TYPES.merge}, ${PATCH_TYPES.apply}, ${PATCH_TYPES.strategic}`,
  );
}

/** `target` is not changed; the result may share unchanged branches with it. */
export function applyPatch(type: PatchType, target: unknown, patch: unknown): unknown {
  switch (type) {
    case 'json':
      return applyJsonPatch(target, patch);
    case 'merge':
      return applyMergePatch(target, patch);
    case 'strategic': {
      const result = applyStrategicMergePatch(target, patch);
      return result === undefined ? {} : result;
    }
  }
}
