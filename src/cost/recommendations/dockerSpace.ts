import type { DockerReclaimable, Recommendation } from '../../contract';
import { diskSpace } from './format';

/** Space counts toward priority by the gigabyte, up to this. */
const MAX_SPACE_PRIORITY = 40;

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** Stopped containers, dangling images and unused volumes, with the disk space each engine says they hold. */
export function dockerRecommendations(engines: readonly DockerReclaimable[]): Recommendation[] {
  const out: Recommendation[] = [];
  for (const e of engines) {
    const items: { kind: string; count: number; bytes: number | null; what: string; command: string }[] = [
      { kind: 'stopped-containers', count: e.stoppedContainers.count, bytes: e.stoppedContainers.bytes, what: 'stopped container', command: 'docker container prune' },
      { kind: 'dangling-images', count: e.danglingImages.count, bytes: e.danglingImages.bytes, what: 'dangling image', command: 'docker image prune' },
      { kind: 'unused-volumes', count: e.unusedVolumes.count, bytes: e.unusedVolumes.bytes, what: 'unused volume', command: 'docker volume prune --all' },
    ];
    for (const item of items) {
      if (item.count === 0) continue;
      const space = item.bytes === null ? 'space the engine did not measure' : diskSpace(item.bytes);
      out.push({
        id: `cost.${item.kind}/${e.engine}`,
        engine: 'cost',
        kind: item.kind,
        title: `${plural(item.count, item.what)} on ${e.engine}`,
        reason: `They hold ${space} of disk and are used by nothing running.`,
        evidence: [`${plural(item.count, item.what)}: ${item.bytes === null ? 'size not reported' : `${item.bytes} bytes`} (engine disk-usage report)`],
        effect: { text: `Removing them (${item.command}) frees ${space}.` },
        priority: Math.round(Math.min(MAX_SPACE_PRIORITY, 5 + (item.bytes ?? 0) / 1e9)),
        link: { tab: 'containers' },
      });
    }
  }
  return out;
}
