import { describe, expect, it } from 'vitest';
import { defaultServeDataDir, readEnvConfig } from '../../../src/host/config';

describe('environment config', () => {
  it('reads and converts the values it knows, ignoring empty ones', () => {
    expect(
      readEnvConfig({ OPSDECK_DATA_DIR: '/srv/opsdeck', OPSDECK_SAMPLE_INTERVAL_MS: '1000', OPSDECK_TOKEN: '' }),
    ).toEqual({ OPSDECK_DATA_DIR: '/srv/opsdeck', OPSDECK_SAMPLE_INTERVAL_MS: 1000 });
  });

  it('names each bad value', () => {
    expect(() => readEnvConfig({ OPSDECK_SAMPLE_INTERVAL_MS: '10' })).toThrow(
      /OPSDECK_SAMPLE_INTERVAL_MS must be at least 250 ms/,
    );
    expect(() => readEnvConfig({ OPSDECK_SAMPLE_INTERVAL_MS: 'soon' })).toThrow(/OPSDECK_SAMPLE_INTERVAL_MS/);
    expect(() => readEnvConfig({ OPSDECK_TOKEN: 'short' })).toThrow(/OPSDECK_TOKEN must be at least 16 characters/);
  });

  it('follows XDG_DATA_HOME for serve mode', () => {
    expect(defaultServeDataDir({ XDG_DATA_HOME: '/x/data' })).toBe('/x/data/opsdeck');
    expect(defaultServeDataDir({})).toMatch(/\.local\/share\/opsdeck$/);
  });
});
