import path from 'node:path';
import { OpsdeckError, type PlanStep, type RecoveryTargetSpec, type RestoreInto } from '../../contract';

/** The scratch names a drill restores into, and the folder its file restores go under. */
export interface ScratchSpace {
  /** Short and unique per drill, e.g. "d1k9x2": goes into database, namespace and volume names. */
  tag: string;
  /** A fresh temporary folder for file restores. */
  dir: string;
}

const MAX_DB = 63;
const MAX_LABEL = 63;

const scratchDatabase = (db: string, tag: string) => `${db.slice(0, MAX_DB - tag.length - 7)}_drill_${tag}`;
const scratchLabel = (name: string, tag: string) => `${name.slice(0, MAX_LABEL - tag.length - 7).replace(/-+$/, '')}-drill-${tag}`;

/**
 * The plan rewritten to touch nothing real: every restore goes into a new database, namespace,
 * volume or folder, and later steps that name the restored place (a check's database, a scale's
 * namespace, a hashed file) follow it there.
 */
export function scratchPlan(steps: PlanStep[], targetSpec: (id: string) => RecoveryTargetSpec | null, space: ScratchSpace): PlanStep[] {
  const databases = new Map<string, string>();
  const namespaces = new Map<string, string>();
  const folders = new Map<string, string>();
  const rewriteInto = (into: RestoreInto, spec: RecoveryTargetSpec | null): RestoreInto => {
    switch (into.kind) {
      case 'files': {
        const dest = path.join(space.dir, `step-${folders.size + 1}`);
        folders.set(into.destination, dest);
        return { ...into, destination: dest };
      }
      case 'postgres': {
        const db = scratchDatabase(into.database, space.tag);
        databases.set(into.database, db);
        return { kind: 'postgres', database: db };
      }
      case 'kubernetes': {
        const sources = spec?.kind === 'kubernetes' ? spec.namespaces : Object.keys(into.namespaces);
        const renamed: Record<string, string> = {};
        for (const ns of sources) {
          const real = into.namespaces[ns] ?? ns;
          renamed[ns] = scratchLabel(real, space.tag);
          namespaces.set(real, renamed[ns]);
        }
        return { kind: 'kubernetes', namespaces: renamed };
      }
      case 'docker-volume':
        return { kind: 'docker-volume', volume: scratchLabel(into.volume, space.tag) };
    }
  };
  const moveFile = (file: string): string => {
    for (const [real, scratch] of folders) {
      const rel = path.relative(real, file);
      if (!rel.startsWith('..') && !path.isAbsolute(rel)) return path.join(scratch, rel);
    }
    return file;
  };
  return steps.map((step): PlanStep => {
    switch (step.kind) {
      case 'restore':
        return { ...step, into: rewriteInto(step.into, targetSpec(step.targetId)) };
      case 'scale': {
        const ns = namespaces.get(step.namespace);
        // A drill must not change a real workload.
        if (!ns) throw new OpsdeckError('BAD_REQUEST', `A drill scales only what it restored; namespace ${step.namespace} is not restored by an earlier step.`);
        return { ...step, namespace: ns };
      }
      case 'wait-ready':
        return { ...step, namespace: namespaces.get(step.namespace) ?? step.namespace };
      case 'check-sql':
        return { ...step, database: databases.get(step.database) ?? step.database };
      case 'check-file':
        return { ...step, path: moveFile(step.path) };
    }
  });
}
