import type { EngineAlertSink } from '../engines/engineAlerts';
import { durationText } from './objectives/objectives';

const ENGINE = 'recovery';

/** The recovery engine's alerts: a failed backup, verify or off-site copy, a breached RPO; each resolves when healthy again. */
export class RecoveryAlerts {
  constructor(private readonly sink: EngineAlertSink) {}

  backup(target: string, error: string | null): void {
    const labels = { target, severity: 'critical' };
    if (error === null) this.sink.resolve(ENGINE, 'BackupFailed', labels);
    else this.sink.fire(ENGINE, { alertname: 'BackupFailed', labels, annotations: { summary: `The backup of ${target} failed`, description: error } });
  }

  verify(repository: string, problem: string | null): void {
    const labels = { repository, severity: 'critical' };
    if (problem === null) this.sink.resolve(ENGINE, 'BackupVerifyFailed', labels);
    else this.sink.fire(ENGINE, { alertname: 'BackupVerifyFailed', labels, annotations: { summary: `The backup repository ${repository} does not verify`, description: problem } });
  }

  offsite(remote: string, error: string | null): void {
    const labels = { remote, severity: 'critical' };
    if (error === null) this.sink.resolve(ENGINE, 'OffsiteCopyFailed', labels);
    else this.sink.fire(ENGINE, { alertname: 'OffsiteCopyFailed', labels, annotations: { summary: `The off-site copy to ${remote} failed`, description: error } });
  }

  rpo(target: string, ageMs: number | null, objectiveMs: number): void {
    const labels = { target, severity: 'warning' };
    if (ageMs === null || ageMs <= objectiveMs) this.sink.resolve(ENGINE, 'RpoBreached', labels);
    else
      this.sink.fire(ENGINE, {
        alertname: 'RpoBreached',
        labels,
        annotations: { summary: `The RPO of ${target} is breached`, description: `The last good snapshot is ${durationText(ageMs)} old; the objective is ${durationText(objectiveMs)}.` },
        value: ageMs / 1000,
      });
  }
}
