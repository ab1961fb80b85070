import type { recoveryChannels } from '../../contract/channels/recovery';
import type { RecoveryEngine } from '../../recovery/recoveryEngine';
import type { HandlersFor } from '../dispatch';

/** The Disaster Recovery channels: repository, off-site copy, targets, snapshots, jobs, plans, drills, objectives. */
export function recoveryHandlers(recovery: RecoveryEngine): HandlersFor<keyof typeof recoveryChannels> {
  return {
    'recovery.repository.status': () => recovery.repositoryStatus(),
    'recovery.repository.create': ({ path, password }) => recovery.createRepository(path, password),
    'recovery.repository.open': ({ path, password }) => recovery.connectRepository(path, password),
    'recovery.targets.list': () => recovery.targets(),
    'recovery.targets.save': (input) => recovery.saveTarget(input),
    'recovery.targets.delete': ({ id }) => recovery.deleteTarget(id),
    'recovery.snapshots': ({ targetId }) => recovery.snapshots(targetId),
    'recovery.snapshot.tree': ({ snapshotId, dir }) => recovery.tree(snapshotId, dir),
    'recovery.snapshot.diff': ({ a, b }) => recovery.diff(a, b),
    'recovery.backup': ({ targetId }) => recovery.backup(targetId),
    'recovery.restore': ({ snapshotId, into }) => recovery.restore(snapshotId, into),
    'recovery.verify': ({ readData }) => recovery.verify(readData),
    'recovery.forget.preview': ({ targetId, policy }) => recovery.forgetPreview(targetId, policy),
    'recovery.prune': ({ targetId, policy }) => recovery.prune(targetId, policy),
    'recovery.jobs.list': () => recovery.listJobs(),
    'recovery.jobs.cancel': ({ id }) => recovery.cancelJob(id),
    'recovery.jobs.rollback': ({ id }) => recovery.rollbackJob(id),
    'recovery.plans.list': () => recovery.plans(),
    'recovery.plans.save': (input) => recovery.savePlan(input),
    'recovery.plans.delete': ({ id }) => recovery.deletePlan(id),
    'recovery.plans.run': ({ id }) => recovery.runPlan(id),
    'recovery.drills.run': ({ planId }) => recovery.drill(planId),
    'recovery.drills.list': ({ planId }) => recovery.drills(planId),
    'recovery.summary': () => recovery.summary(),
    'recovery.remote.get': () => recovery.offsiteRemote(),
    'recovery.remote.set': (input) => recovery.setOffsiteRemote(input),
    'recovery.remote.push': () => recovery.pushOffsite(),
    'recovery.remote.pull': ({ path }) => recovery.pullOffsite(path),
  };
}
