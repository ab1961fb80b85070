/** The FOCUS (1.0 and later) columns Opsdeck reads, how each is typed, and where it goes in billing_rows. */
export type FocusKind = 'cost' | 'time' | 'text' | 'tags';

export interface FocusColumn {
  focus: string;
  column: string;
  kind: FocusKind;
  required: boolean;
}

export const FOCUS_COLUMNS: readonly FocusColumn[] = [
  { focus: 'ChargePeriodStart', column: 'charge_period_start', kind: 'time', required: true },
  { focus: 'ChargePeriodEnd', column: 'charge_period_end', kind: 'time', required: true },
  { focus: 'BilledCost', column: 'billed_cost', kind: 'cost', required: true },
  { focus: 'EffectiveCost', column: 'effective_cost', kind: 'cost', required: true },
  { focus: 'ListCost', column: 'list_cost', kind: 'cost', required: false },
  { focus: 'BillingCurrency', column: 'currency', kind: 'text', required: true },
  { focus: 'ChargeCategory', column: 'charge_category', kind: 'text', required: true },
  { focus: 'ProviderName', column: 'provider', kind: 'text', required: true },
  { focus: 'ServiceName', column: 'service', kind: 'text', required: true },
  { focus: 'ServiceCategory', column: 'service_category', kind: 'text', required: false },
  { focus: 'RegionId', column: 'region', kind: 'text', required: false },
  { focus: 'SubAccountId', column: 'account_id', kind: 'text', required: false },
  { focus: 'SubAccountName', column: 'account_name', kind: 'text', required: false },
  { focus: 'ResourceId', column: 'resource_id', kind: 'text', required: false },
  { focus: 'Tags', column: 'tags', kind: 'tags', required: false },
  // Read by the cost recommendations and node pricing (src/cost/allocation, src/cost/recommendations).
  { focus: 'ChargeDescription', column: 'charge_description', kind: 'text', required: false },
  { focus: 'PricingUnit', column: 'pricing_unit', kind: 'text', required: false },
  { focus: 'PricingQuantity', column: 'pricing_quantity', kind: 'cost', required: false },
  { focus: 'ConsumedQuantity', column: 'consumed_quantity', kind: 'cost', required: false },
];

/** The columns of a file that FOCUS requires and the file lacks (names compare case-sensitively, as the spec writes them). */
export function missingColumns(fileColumns: readonly string[]): string[] {
  const present = new Set(fileColumns);
  return FOCUS_COLUMNS.filter((c) => c.required && !present.has(c.focus)).map((c) => c.focus);
}

/**
 * The DuckDB table that holds every imported billing row. Tags are the file's JSON object as text
 * (keys trimmed): an export has few distinct tag sets, which DuckDB stores once each and reads
 * through once each, where a map per row cost a seventh of an import. The two free-text columns
 * name their compression (left to choose, DuckDB tries every method on every segment of them,
 * which took half to three quarters of an import): FSST for resource ids, nearly all distinct, and
 * a dictionary for charge descriptions, which repeat per price and region.
 */
export const BILLING_TABLE_SQL = `
  CREATE TABLE IF NOT EXISTS billing_rows (
    import_id INTEGER NOT NULL,
    day DATE,
    charge_period_start TIMESTAMP,
    charge_period_end TIMESTAMP,
    billed_cost DOUBLE NOT NULL,
    effective_cost DOUBLE NOT NULL,
    list_cost DOUBLE NOT NULL,
    currency VARCHAR,
    charge_category VARCHAR,
    provider VARCHAR,
    service VARCHAR,
    service_category VARCHAR,
    region VARCHAR,
    account_id VARCHAR,
    account_name VARCHAR,
    resource_id VARCHAR USING COMPRESSION fsst,
    tags VARCHAR,
    charge_description VARCHAR USING COMPRESSION dictionary,
    pricing_unit VARCHAR,
    pricing_quantity DOUBLE NOT NULL,
    consumed_quantity DOUBLE NOT NULL
  )`;

/** Billing databases made before tags were stored as text held a map: turned into the same JSON text. */
export const MIGRATE_TAGS_SQL = 'ALTER TABLE billing_rows ALTER COLUMN tags SET DATA TYPE VARCHAR USING CAST(to_json(tags) AS VARCHAR)';

/** A JSON path that names one tag key exactly, whatever characters it holds. */
export const tagPath = (key: string): string => `$."${key.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;

/**
 * SQL for the value of a tag, given SQL for its path (a parameter or a literal); the first when a
 * key repeats, NULL when the row's tags do not parse. DuckDB evaluates it once per distinct tag set.
 */
export const tagValueSql = (pathSql: string): string => `try(json_extract_string(tags, ${pathSql}))`;

/** SQL for the list of a row's tag keys (NULL when its tags do not parse). */
export const TAG_KEYS_SQL = 'try(json_keys(tags))';
