import { DOCKER_SPARK_POINTS, DOCKER_STATS_HISTORY_MS, type DockerContainerRow, type DockerStatsSample } from '../contract';

/** Each container's recent stats samples, none older than `keepMs`. */
export class StatsHistory {
  private readonly byId = new Map<string, DockerStatsSample[]>();

  constructor(private readonly keepMs = DOCKER_STATS_HISTORY_MS) {}

  add(id: string, sample: DockerStatsSample): void {
    let samples = this.byId.get(id);
    if (!samples) this.byId.set(id, (samples = []));
    samples.push(sample);
    const cutoff = sample.at - this.keepMs;
    let drop = 0;
    while (drop < samples.length && samples[drop]!.at < cutoff) drop++;
    if (drop > 0) samples.splice(0, drop);
  }

  samples(id: string): DockerStatsSample[] {
    return [...(this.byId.get(id) ?? [])];
  }

  latest(id: string): DockerStatsSample | null {
    return this.byId.get(id)?.at(-1) ?? null;
  }

  spark(id: string): DockerContainerRow['spark'] {
    const recent = (this.byId.get(id) ?? []).slice(-DOCKER_SPARK_POINTS);
    return { cpuPercent: recent.map((s) => s.cpuPercent), memoryBytes: recent.map((s) => s.memoryBytes) };
  }

  /** Forgets containers that are gone. */
  retain(ids: Set<string>): void {
    for (const id of this.byId.keys()) if (!ids.has(id)) this.byId.delete(id);
  }
}
