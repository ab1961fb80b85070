import { describe, expect, it } from 'vitest';
import {
  busyPct,
  memoryFromMeminfo,
  parseDiskstats,
  parseLoadavg,
  parseMeminfo,
  parseMounts,
  parseNetDev,
  parseProcStat,
} from '../../../src/monitoring/procfs';

describe('procfs parsers', () => {
  it('reads aggregate and per-core CPU times and derives busy %', () => {
    const before = parseProcStat(
      'cpu  100 0 100 700 100 0 0 0 0 0\ncpu0 50 0 50 350 50 0 0 0 0 0\ncpu1 50 0 50 350 50 0 0 0 0 0\nintr 1 2\n',
    );
    const after = parseProcStat(
      'cpu  200 0 200 1300 100 0 0 0 0 0\ncpu0 150 0 100 400 50 0 0 0 0 0\ncpu1 50 0 100 900 50 0 0 0 0 0\n',
    );
    expect(before.cores).toHaveLength(2);
    expect(busyPct(before.total, after.total)).toBeCloseTo(25, 5); // 200 busy of 800
    expect(busyPct(before.cores[0]!, after.cores[0]!)).toBeCloseTo(75, 5);
    expect(busyPct(before.cores[1]!, after.cores[1]!)).toBeCloseTo(100 / 12, 5); // 50 busy of 600;
    expect(busyPct(after.total, after.total)).toBe(0);
  });

  it('refuses a stat file without the aggregate line', () => {
    expect(() => parseProcStat('intr 1\n')).toThrow(/aggregate cpu/);
  });

  it('computes used memory as total minus available, in bytes', () => {
    const info = parseMeminfo(
      'MemTotal:       16000000 kB\nMemFree:         1000000 kB\nMemAvailable:    6000000 kB\nSwapTotal:       2000000 kB\nSwapFree:        1500000 kB\nHugePages_Total:       0\n',
    );
    expect(info.HugePages_Total).toBe(0);
    expect(memoryFromMeminfo(info)).toEqual({
      totalBytes: 16000000 * 1024,
      availableBytes: 6000000 * 1024,
      usedBytes: 10000000 * 1024,
      swapTotalBytes: 2000000 * 1024,
      swapUsedBytes: 500000 * 1024,
    });
  });

  it('estimates available memory on kernels without MemAvailable', () => {
    const m = memoryFromMeminfo(
      parseMeminfo('MemTotal: 1000 kB\nMemFree: 100 kB\nBuffers: 50 kB\nCached: 250 kB\n'),
    );
    expect(m.availableBytes).toBe(400 * 1024);
    expect(m.usedBytes).toBe(600 * 1024);
  });

  it('parses load averages', () => {
    expect(parseLoadavg('0.52 0.58 0.59 2/345 12345\n')).toEqual([0.52, 0.58, 0.59]);
  });

  it('counts only the chosen whole disks in diskstats', () => {
    const text = [
      ' 253       0 vda 1000 0 2000 0 500 0 4000 0 0 0 0',
      ' 253       1 vda1 900 0 1800 0 400 0 3000 0 0 0 0',
      '   7       0 loop0 10 0 99 0 0 0 0 0 0 0 0',
    ].join('\n');
    expect(parseDiskstats(text, new Set(['vda']))).toEqual({ readBytes: 2000 * 512, writeBytes: 4000 * 512 });
  });

  it('sums network bytes on every interface but loopback', () => {
    const text = `Inter-|   Receive                                                |  Transmit
 face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed
    lo: 5000      10    0    0    0     0          0         0     5000      10    0    0    0     0       0          0
  eth0: 1000       5    0    0    0     0          0         0      300       3    0    0    0     0       0          0
  eth1:2000       5    0    0    0     0          0         0      700       3    0    0    0     0       0          0`;
    expect(parseNetDev(text)).toEqual({ rxBytes: 3000, txBytes: 1000 });
  });

  it('keeps real filesystems once each and decodes escaped mount points', () => {
    const text = [
      '/dev/vda / ext4 rw,relatime 0 0',
      'proc /proc proc rw 0 0',
      'tmpfs /run tmpfs rw 0 0',
      '/dev/vda /etc/hosts ext4 rw 0 0',
      '/dev/sdb1 /mnt/my\\040disk xfs rw 0 0',
    ].join('\n');
    expect(parseMounts(text)).toEqual([
      { device: '/dev/vda', mount: '/', fsType: 'ext4' },
      { device: '/dev/sdb1', mount: '/mnt/my disk', fsType: 'xfs' },
    ]);
  });
});
