import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeRates, parseSheet, PricingFile, PRICING_FILE } from '../../../src/cost/allocation/pricing';
import { tempDir } from '../../helpers/tempDir';

const DEFAULTS = path.join(__dirname, '../../../resources/pricing/default.json');

describe('pricing', () => {
  it("ships OpenCost's custom pricing defaults, storage shown per GB-month", () => {
    const file = new PricingFile(tempDir(), DEFAULTS);
    expect(file.defaults).toMatchObject({ currency: 'USD', cpuCoreHour: 0.031611, ramGbHour: 0.004237, gpuHour: 0.95 });
    expect(file.defaults.storageGbMonth).toBeCloseTo(0.04, 8);
    expect(file.custom).toBe(false);
    expect(file.table()).toEqual(file.defaults);
  });

  it("saves the user's prices as an OpenCost sheet and resets to the defaults", () => {
    const dir = tempDir();
    const file = new PricingFile(dir, DEFAULTS);
    file.save({ description: 'on-prem', currency: 'EUR', cpuCoreHour: 0.02, ramGbHour: 0.003, gpuHour: 1.2, storageGbMonth: 0.073 });
    const sheet = JSON.parse(fs.readFileSync(path.join(dir, PRICING_FILE), 'utf8'));
    expect(sheet).toMatchObject({ provider: 'custom', currencyCode: 'EUR', CPU: '0.02', RAM: '0.003', GPU: '1.2' });
    expect(Number(sheet.storage)).toBeCloseTo(0.0001, 10);
    expect(file.table()).toMatchObject({ currency: 'EUR', cpuCoreHour: 0.02 });
    file.reset();
    expect(file.table()).toEqual(file.defaults);
  });

  it('reports a broken sheet with the file and the key', () => {
    expect(() => parseSheet('{"CPU":"cheap","RAM":"1","GPU":"1","storage":"1"}', 'x.json')).toThrow(/x\.json: CPU/);
    expect(() => parseSheet('{"CPU":"-1","RAM":"1","GPU":"1","storage":"1"}', 'x.json')).toThrow(/CPU/);
    expect(() => parseSheet('not json', 'x.json')).toThrow(/not JSON/);
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, PRICING_FILE), '{"CPU": 1}');
    expect(() => new PricingFile(dir, DEFAULTS).table()).toThrow(/RAM/);
  });

  it("prices a node by capacity, or by its instance type's billed rate in the same proportions", () => {
    const table = { description: '', currency: 'USD', cpuCoreHour: 1, ramGbHour: 0.5, gpuHour: 10, storageGbMonth: 1 };
    const node = { cpuCores: 2, ramGb: 4, gpus: 1, instanceType: 'g5.xlarge' };
    expect(nodeRates(node, table, new Map())).toMatchObject({ cpu: 1, ram: 0.5, gpu: 10, hourly: 14, instanceRate: null });
    const rate = { instanceType: 'g5.xlarge', provider: 'AWS', hourly: 7, hours: 5 };
    expect(nodeRates(node, table, new Map([['g5.xlarge', rate]]))).toMatchObject({ cpu: 0.5, ram: 0.25, gpu: 5, hourly: 7, instanceRate: rate });
  });
});
