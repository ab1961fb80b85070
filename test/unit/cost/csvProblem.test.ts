import { describe, expect, it } from 'vitest';
import { csvProblemOf, formatOf } from '../../../src/cost/billing/focusSource';
import { missingColumns } from '../../../src/cost/billing/focusColumns';

/** DuckDB 1.5's message for a value read_csv cannot convert (its option dump cut short). */
const CONVERSION = [
  'Conversion Error: CSV Error on Line: 3',
  'Original Line: NULL,abc,"1234567890123","SunBird","USD"',
  'Error when converting column "BilledCost". Could not convert string "abc" to \'DOUBLE\'',
  '',
  'Column BilledCost is being converted as type DOUBLE',
].join('\n');

describe('FOCUS file validation', () => {
  it('reads the line, the column and the reason from DuckDB\'s CSV error', () => {
    expect(csvProblemOf(new Error(CONVERSION))).toEqual({ line: 3, column: 'BilledCost', message: 'Could not convert string "abc" to \'DOUBLE\'' });
  });

  it('keeps a line without a column for other CSV errors, and nothing for errors that name no line', () => {
    const split = 'Invalid Input Error: CSV Error on Line: 7\nOriginal Line: a,b\nExpected Number of Columns: 44 Found: 2';
    expect(csvProblemOf(new Error(split))).toEqual({ line: 7, message: 'Expected Number of Columns: 44 Found: 2' });
    expect(csvProblemOf(new Error('IO Error: No files found'))).toBeNull();
  });

  it('names the required FOCUS columns a file lacks', () => {
    expect(missingColumns(['BilledCost', 'EffectiveCost', 'ChargePeriodStart', 'ChargePeriodEnd', 'BillingCurrency', 'ChargeCategory', 'ProviderName'])).toEqual([
      'ServiceName',
    ]);
    expect(missingColumns(['billedcost'])).toContain('BilledCost');
  });

  it('knows a billing file by its name', () => {
    expect([formatOf('/a/x.CSV'), formatOf('/a/x.csv.gz'), formatOf('/a/x.parquet'), formatOf('/a/x.json')]).toEqual(['csv', 'csv.gz', 'parquet', null]);
  });
});
