import { describe, expect, it } from 'vitest';
import { FrameDemuxer, LogDecoder } from '../../../src/docker/logStream';

const frame = (stream: 1 | 2, text: string) => {
  const body = Buffer.from(text);
  const header = Buffer.alloc(8);
  header[0] = stream;
  header.writeUInt32BE(body.length, 4);
  return Buffer.concat([header, body]);
};

describe('container log decoding', () => {
  it('splits the multiplexed stream into stdout and stderr frames, even when cut mid-header', () => {
    const all = Buffer.concat([frame(1, 'out\n'), frame(2, 'err\n'), frame(1, 'x')]);
    const demuxer = new FrameDemuxer();
    const got = [...demuxer.push(all.subarray(0, 5)), ...demuxer.push(all.subarray(5, 14)), ...demuxer.push(all.subarray(14))];
    expect(got.map((f) => [f.stream, f.data.toString()])).toEqual([
      ['stdout', 'out\n'],
      ['stderr', 'err\n'],
      ['stdout', 'x'],
    ]);
  });

  it('assembles lines per stream across frames, keeps blank lines, and splits off timestamps', () => {
    const decoder = new LogDecoder(false, true);
    const lines = [
      ...decoder.push(Buffer.concat([frame(1, '2026-01-01T00:00:00.000000001Z hel'), frame(2, '2026-01-01T00:00:00.5Z oops\n')])),
      ...decoder.push(frame(1, 'lo\n2026-01-01T00:00:01Z \n2026-01-01T00:00:02Z tail')),
      ...decoder.end(),
    ];
    expect(lines).toEqual([
      { stream: 'stderr', ts: '2026-01-01T00:00:00.5Z', text: 'oops' },
      { stream: 'stdout', ts: '2026-01-01T00:00:00.000000001Z', text: 'hello' },
      { stream: 'stdout', ts: '2026-01-01T00:00:01Z', text: '' },
      { stream: 'stdout', ts: '2026-01-01T00:00:02Z', text: 'tail' },
    ]);
  });

  it('reads a TTY container raw: one stream, carriage returns dropped, characters cut in two kept whole', () => {
    const decoder = new LogDecoder(true, false);
    const text = Buffer.from('naïve\r\nsecond\r\n');
    const cut = text.indexOf(0xc3) + 1;
    expect([...decoder.push(text.subarray(0, cut)), ...decoder.push(text.subarray(cut)), ...decoder.end()]).toEqual([
      { stream: 'stdout', ts: null, text: 'naïve' },
      { stream: 'stdout', ts: null, text: 'second' },
    ]);
  });
});
