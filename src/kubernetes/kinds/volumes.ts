/** PersistentVolumeClaims and PersistentVolumes, as `kubectl get pvc,pv -o wide` shows them. */
import type { K8sHealth } from '../../contract/types';
import { accessModesText } from './format';
import { columns, objectBase, type ObjectProjection, type ObjectView } from './objectProjection';
import { metaOf, objectAt, stringAt, type Json } from './read';

export type ClaimProjection = ObjectProjection & { namespace: string };
export type VolumeProjection = ObjectProjection & { namespace: null };

const UNSET = '<unset>';

export const claimView: ObjectView<ClaimProjection> = {
  columns: columns(
    ['status', 'STATUS'],
    ['volume', 'VOLUME'],
    ['capacity', 'CAPACITY'],
    ['accessModes', 'ACCESS MODES'],
    ['storageClass', 'STORAGECLASS'],
    ['volumeMode', 'VOLUMEMODE'],
  ),
  search: ['volume', 'storageClass'],
};

export const volumeView: ObjectView<VolumeProjection> = {
  columns: columns(
    ['capacity', 'CAPACITY'],
    ['accessModes', 'ACCESS MODES'],
    ['reclaimPolicy', 'RECLAIM POLICY'],
    ['status', 'STATUS'],
    ['claim', 'CLAIM'],
    ['storageClass', 'STORAGECLASS'],
    ['reason', 'REASON'],
    ['volumeMode', 'VOLUMEMODE'],
  ),
  search: ['claim', 'storageClass', 'reclaimPolicy'],
};

const HEALTH: Record<string, K8sHealth> = { Bound: 'ok', Available: 'ok', Pending: 'warning', Released: 'warning', Terminating: 'warning', Lost: 'error', Failed: 'error' };

/** The phase, or Terminating once deletion has begun, as kubectl shows it. */
const phaseOf = (raw: unknown, deleting: boolean): string =>
  deleting ? 'Terminating' : (stringAt(objectAt(objectAt(raw).status).phase) ?? 'Pending');

/** spec.storageClassName, or the beta annotation older objects carry. */
const storageClassOf = (spec: Json, raw: unknown): string =>
  stringAt(spec.storageClassName) ?? stringAt(objectAt(objectAt(objectAt(raw).metadata).annotations)['volume.beta.kubernetes.io/storage-class']) ?? '';

export function projectClaim(raw: unknown): ClaimProjection | null {
  const meta = metaOf(raw);
  if (!meta) return null;
  const spec = objectAt(objectAt(raw).spec);
  const status = objectAt(objectAt(raw).status);
  const phase = phaseOf(raw, meta.deleting);
  // As kubectl: capacity and access modes are the bound volume's, so blank until bound.
  const bound = Boolean(stringAt(spec.volumeName));
  return {
    ...objectBase(meta),
    namespace: meta.namespace ?? '',
    status: phase,
    health: HEALTH[phase] ?? 'unknown',
    cells: {
      status: phase,
      volume: stringAt(spec.volumeName) ?? '',
      capacity: bound ? (stringAt(objectAt(status.capacity).storage) ?? '') : '',
      accessModes: bound ? accessModesText(status.accessModes) : '',
      storageClass: storageClassOf(spec, raw),
      volumeMode: stringAt(spec.volumeMode) ?? UNSET,
    },
  };
}

export function projectVolume(raw: unknown): VolumeProjection | null {
  const meta = metaOf(raw);
  if (!meta) return null;
  const spec = objectAt(objectAt(raw).spec);
  const phase = phaseOf(raw, meta.deleting);
  const claim = objectAt(spec.claimRef);
  return {
    ...objectBase(meta),
    namespace: null,
    status: phase,
    health: HEALTH[phase] ?? 'unknown',
    cells: {
      capacity: stringAt(objectAt(spec.capacity).storage) ?? '',
      accessModes: accessModesText(spec.accessModes),
      reclaimPolicy: stringAt(spec.persistentVolumeReclaimPolicy) ?? '',
      status: phase,
      claim: spec.claimRef ? `${stringAt(claim.namespace) ?? ''}/${stringAt(claim.name) ?? ''}` : '',
      storageClass: storageClassOf(spec, raw),
      reason: stringAt(objectAt(objectAt(raw).status).reason) ?? '',
      volumeMode: stringAt(spec.volumeMode) ?? UNSET,
    },
  };
}
