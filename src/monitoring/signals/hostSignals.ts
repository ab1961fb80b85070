import type { HostSample } from '../../contract';
import type { SeriesSample } from '../rules/alertState';

/** The host collector's metrics, as series (per mount for disks). */
export const HOST_SIGNALS: Record<string, (s: HostSample) => SeriesSample[]> = {
  opsdeck_host_cpu_used_percent: (s) => [{ metric: {}, value: s.cpu.totalPct }],
  opsdeck_host_memory_used_percent: (s) => [{ metric: {}, value: (s.memory.usedBytes / s.memory.totalBytes) * 100 }],
  opsdeck_host_disk_used_percent: (s) =>
    s.disks.map((d) => ({ metric: { mount: d.mount, device: d.device, fstype: d.fsType }, value: (d.usedBytes / d.totalBytes) * 100 })),
  opsdeck_host_load1: (s) => [{ metric: {}, value: s.load[0] }],
};
