/**
 * Parsers for the Linux /proc and /sys files the host collector reads.
 * Pure functions over file text, so they are tested on captured files.
 */

export interface CpuTimes {
  idle: number;
  total: number;
}

/** /proc/stat: the aggregate "cpu" line first, then one per core. */
export function parseProcStat(text: string): { total: CpuTimes; cores: CpuTimes[] } {
  let total: CpuTimes | null = null;
  const cores: CpuTimes[] = [];
  for (const line of text.split('\n')) {
    const m = /^cpu(\d*)\s+(.*)$/.exec(line);
    if (!m) continue;
    // user nice system idle iowait irq softirq steal (guest time is already in user)
    const f = m[2]!.trim().split(/\s+/).slice(0, 8).map(Number);
    const idle = (f[3] ?? 0) + (f[4] ?? 0);
    const times = { idle, total: f.reduce((a, b) => a + b, 0) };
    if (m[1] === '') total = times;
    else cores.push(times);
  }
  if (!total) throw new Error('/proc/stat has no aggregate cpu line');
  return { total, cores };
}

/** Busy percentage between two readings of the same counter. */
export function busyPct(prev: CpuTimes, next: CpuTimes): number {
  const total = next.total - prev.total;
  if (total <= 0) return 0;
  const busy = total - (next.idle - prev.idle);
  return Math.min(100, Math.max(0, (busy / total) * 100));
}

/** /proc/meminfo, values in bytes. */
export function parseMeminfo(text: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const line of text.split('\n')) {
    const m = /^(\w+(?:\(\w+\))?):\s+(\d+)(?:\s+kB)?/.exec(line);
    if (m) out[m[1]!] = Number(m[2]) * (line.includes('kB') ? 1024 : 1);
  }
  return out;
}

export function memoryFromMeminfo(info: Record<string, number>) {
  const totalBytes = info.MemTotal ?? 0;
  // Kernels before 3.14 lack MemAvailable; free + caches is the old estimate.
  const availableBytes =
    info.MemAvailable ?? (info.MemFree ?? 0) + (info.Buffers ?? 0) + (info.Cached ?? 0);
  const swapTotalBytes = info.SwapTotal ?? 0;
  return {
    totalBytes,
    availableBytes,
    usedBytes: Math.max(0, totalBytes - availableBytes),
    swapTotalBytes,
    swapUsedBytes: Math.max(0, swapTotalBytes - (info.SwapFree ?? 0)),
  };
}

export function parseLoadavg(text: string): [number, number, number] {
  const [a, b, c] = text.trim().split(/\s+/).map(Number);
  return [a ?? 0, b ?? 0, c ?? 0];
}

/** Sectors read and written by the given whole-disk devices (a sector is 512 bytes here). */
export function parseDiskstats(text: string, devices: Set<string>): { readBytes: number; writeBytes: number } {
  let readBytes = 0;
  let writeBytes = 0;
  for (const line of text.split('\n')) {
    const f = line.trim().split(/\s+/);
    if (f.length < 10 || !devices.has(f[2]!)) continue;
    readBytes += Number(f[5]) * 512;
    writeBytes += Number(f[9]) * 512;
  }
  return { readBytes, writeBytes };
}

/** Bytes received and sent on every interface but loopback. */
export function parseNetDev(text: string): { rxBytes: number; txBytes: number } {
  let rxBytes = 0;
  let txBytes = 0;
  for (const line of text.split('\n')) {
    const m = /^\s*([^:\s]+):\s*(.*)$/.exec(line);
    if (!m || m[1] === 'lo') continue;
    const f = m[2]!.trim().split(/\s+/).map(Number);
    rxBytes += f[0] ?? 0;
    txBytes += f[8] ?? 0;
  }
  return { rxBytes, txBytes };
}

const PSEUDO_FS = new Set([
  'autofs', 'binfmt_misc', 'bpf', 'cgroup', 'cgroup2', 'configfs', 'debugfs', 'devpts', 'devtmpfs',
  'efivarfs', 'fusectl', 'fuse.gvfsd-fuse', 'fuse.portal', 'hugetlbfs', 'mqueue', 'nsfs', 'proc',
  'pstore', 'ramfs', 'rpc_pipefs', 'securityfs', 'selinuxfs', 'squashfs', 'sysfs', 'tmpfs', 'tracefs',
]);

export interface MountEntry {
  device: string;
  mount: string;
  fsType: string;
}

/** Real filesystems from /proc/mounts, one entry per device (its first mount point). */
export function parseMounts(text: string): MountEntry[] {
  const seen = new Set<string>();
  const out: MountEntry[] = [];
  for (const line of text.split('\n')) {
    const [device, rawMount, fsType] = line.split(' ');
    if (!device || !rawMount || !fsType || PSEUDO_FS.has(fsType)) continue;
    // Container runtimes bind-mount single files (resolv.conf, hosts) from the root disk.
    if (seen.has(device)) continue;
    seen.add(device);
    const mount = rawMount.replace(/\\(\d{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)));
    out.push({ device, mount, fsType });
  }
  return out;
}
