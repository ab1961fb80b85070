import type { DuckDBConnection } from '@duckdb/node-api';
import type { BillingFileProblem, BillingFormat } from '../../contract';
import { OpsdeckError } from '../../contract/errors';
import { sqlIdent, sqlString } from './billingDb';
import { FOCUS_COLUMNS, missingColumns, type FocusColumn } from './focusColumns';

/** The literal exports write for a missing value; empty strings count as missing too. */
const NULL_STRINGS = "['NULL', '']";
const MAX_PROBLEMS = 5;

/** How to read one billing file: the SELECT that yields billing_rows columns, and how to find bad rows. */
export interface FocusSource {
  format: BillingFormat;
  /** SELECT list of billing_rows columns (without import_id) FROM the file. */
  select: string;
  /** Parquet: problems found before reading, values that do not parse, located by row. */
  problems: BillingFileProblem[];
  /** Locates rows without a ChargePeriodStart (they cannot be put on a day). */
  locateMissingStart(): Promise<BillingFileProblem[]>;
  /** After the insert failed on a value: the rows holding values that do not convert (none found: another failure). */
  locateUnconvertible(): Promise<BillingFileProblem[]>;
}

export function formatOf(path: string): BillingFormat | null {
  const lower = path.toLowerCase();
  if (lower.endsWith('.csv.gz')) return 'csv.gz';
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.parquet')) return 'parquet';
  return null;
}

/**
 * Tags as JSON object text: keys trimmed ("  org" and "org" are one key; the first wins in a
 * lookup), Tags that do not start like an object left empty. The keys are trimmed in the text:
 * per-entry work in SQL costs ten times the whole import, and only keys with a leading space need
 * it. Whether the text parses is left to the lookups (tagValueSql), which see each distinct tag set
 * once, where checking every row cost a twentieth of an import.
 */
function tagsText(expr: string): string {
  const trimmed = `CASE WHEN contains(${expr}, '{" ') OR contains(${expr}, ', " ') THEN regexp_replace(${expr}, '"\\s+([^"]*?)\\s*"\\s*:', '"\\1":', 'g') ELSE ${expr} END`;
  return `CASE WHEN starts_with(ltrim(${trimmed}), '{') THEN ${trimmed} END`;
}

/**
 * A FOCUS date and time from text, as a UTC TIMESTAMP. Exports mostly write plain UTC times
 * ("2024-09-18 22:00:00", with a T or a trailing Z), which are read as TIMESTAMP directly: through
 * TIMESTAMPTZ they cost an eighth of a whole import. A 19-character time with a colon at 17 has no
 * room for an offset; anything else (offsets, zone names, fractions) goes through TIMESTAMPTZ,
 * which applies it.
 */
const timeFromText = (id: string) =>
  `CASE WHEN (length(${id}) = 19 OR (length(${id}) = 20 AND ends_with(${id}, 'Z'))) AND substr(${id}, 17, 1) = ':' THEN CAST(${id} AS TIMESTAMP) ELSE CAST(CAST(${id} AS TIMESTAMPTZ) AS TIMESTAMP) END`;

const notConvertible = (c: FocusColumn) => `${c.focus} is not a ${c.kind === 'cost' ? 'number' : 'date and time'}`;

const rows = (list: { n: number }[], label: 'line' | 'row', column: string, message: string): BillingFileProblem[] =>
  list.map(({ n }) => ({ [label]: n, column, message }));

async function describe(conn: DuckDBConnection, from: string): Promise<Map<string, string>> {
  const reader = await conn.runAndReadAll(`DESCRIBE SELECT * FROM ${from}`);
  return new Map(reader.getRowObjectsJson().map((r) => [String(r.column_name), String(r.column_type)]));
}

function requireColumns(path: string, columns: Map<string, string>): void {
  const missing = missingColumns([...columns.keys()]);
  if (missing.length > 0) {
    throw new OpsdeckError('BAD_REQUEST', `${path}: not a FOCUS file, required column${missing.length > 1 ? 's' : ''} missing: ${missing.join(', ')}`);
  }
}

async function numbered(conn: DuckDBConnection, sql: string): Promise<{ n: number }[]> {
  const reader = await conn.runAndReadAll(sql);
  return reader.getRowObjectsJson().map((r) => ({ n: Number(r.n) }));
}

/**
 * DuckDB's error for a CSV value it cannot convert (or a line it cannot split), as a problem: it names
 * the line and, for a value, the column. (Its store_rejects option would list every bad line, at
 * twice the reading time of every good file.)
 */
export function csvProblemOf(err: unknown): BillingFileProblem | null {
  const text = err instanceof Error ? err.message : String(err);
  const line = /CSV Error on Line: (\d+)/.exec(text);
  if (!line) return null;
  const lines = text.split('\n');
  const detail = lines.find((l) => l.startsWith('Error when converting')) ?? lines[2] ?? lines[0]!;
  const column = /column "([^"]+)"/.exec(detail);
  return { line: Number(line[1]), ...(column ? { column: column[1] } : {}), message: detail.replace(/^Error when converting column "[^"]+"\. /, '') };
}

/** CSV and CSV.gz: DuckDB parses costs and times while streaming and stops at the first value that does not parse. */
async function csvSource(conn: DuckDBConnection, path: string): Promise<FocusSource> {
  const base = `${sqlString(path)}, header = true, all_varchar = true, nullstr = ${NULL_STRINGS}`;
  const columns = await describe(conn, `read_csv(${base})`);
  requireColumns(path, columns);
  const present = FOCUS_COLUMNS.filter((c) => columns.has(c.focus));
  // Costs convert while reading, so that a bad one is reported with its line; times convert after.
  const types = present.filter((c) => c.kind === 'cost').map((c) => `${sqlString(c.focus)}: 'DOUBLE'`);
  const typed = `${base}, types = {${types.join(', ')}}`;
  const from = `read_csv(${typed})`;
  const expr = (c: FocusColumn) => {
    const id = sqlIdent(c.focus);
    if (c.kind === 'cost') return `coalesce(${id}, 0)`;
    if (c.kind === 'time') return timeFromText(id);
    if (c.kind === 'tags') return tagsText(id);
    return id;
  };
  return {
    format: path.toLowerCase().endsWith('.gz') ? 'csv.gz' : 'csv',
    select: selectList(columns, expr, from),
    problems: [],
    locateMissingStart: async () =>
      rows(
        await numbered(
          conn,
          `SELECT n + 1 AS n FROM (SELECT row_number() OVER () AS n, "ChargePeriodStart" AS s FROM read_csv(${typed})) WHERE s IS NULL ORDER BY n LIMIT ${MAX_PROBLEMS}`,
        ),
        'line',
        'ChargePeriodStart',
        'ChargePeriodStart is empty',
      ),
    locateUnconvertible: async () => {
      const found: BillingFileProblem[] = [];
      for (const c of present.filter((column) => column.kind === 'time')) {
        const id = sqlIdent(c.focus);
        const bad = await numbered(
          conn,
          `SELECT n + 1 AS n FROM (SELECT row_number() OVER () AS n, ${id} AS v FROM ${from}) WHERE v IS NOT NULL AND TRY_CAST(v AS TIMESTAMPTZ) IS NULL ORDER BY n LIMIT ${MAX_PROBLEMS}`,
        );
        found.push(...rows(bad, 'line', c.focus, notConvertible(c)));
      }
      return found.slice(0, MAX_PROBLEMS);
    },
  };
}

const isText = (type: string) => type === 'VARCHAR' || type === 'JSON';
const isNumber = (type: string) => /^(DOUBLE|FLOAT|REAL|DECIMAL|U?(TINY|SMALL|BIG|HUGE)?INT)/.test(type);
const isTime = (type: string) => type.startsWith('TIMESTAMP') || type === 'DATE';

/** Parquet: typed columns are taken as they are; costs or times stored as text are parsed and checked by row. */
async function parquetSource(conn: DuckDBConnection, path: string): Promise<FocusSource> {
  const from = `read_parquet(${sqlString(path)})`;
  const columns = await describe(conn, from);
  requireColumns(path, columns);
  const problems: BillingFileProblem[] = [];
  const parsed = (c: FocusColumn) => {
    const id = sqlIdent(c.focus);
    const raw = `NULLIF(NULLIF(trim(${id}), 'NULL'), '')`;
    return c.kind === 'cost' ? `TRY_CAST(${raw} AS DOUBLE)` : `TRY_CAST(${raw} AS TIMESTAMPTZ)`;
  };
  for (const c of FOCUS_COLUMNS) {
    const type = columns.get(c.focus);
    if (!type || (c.kind !== 'cost' && c.kind !== 'time')) continue;
    const fits = c.kind === 'cost' ? isNumber(type) : isTime(type);
    if (fits) continue;
    if (!isText(type)) throw new OpsdeckError('BAD_REQUEST', `${path}: column ${c.focus} has type ${type}, not a ${c.kind === 'cost' ? 'number' : 'timestamp'}`);
    const id = sqlIdent(c.focus);
    const bad = await numbered(
      conn,
      `SELECT file_row_number + 1 AS n FROM read_parquet(${sqlString(path)}, file_row_number = true)
       WHERE NULLIF(NULLIF(trim(${id}), 'NULL'), '') IS NOT NULL AND ${parsed(c)} IS NULL ORDER BY n LIMIT ${MAX_PROBLEMS}`,
    );
    problems.push(...rows(bad, 'row', c.focus, notConvertible(c)));
  }
  const expr = (c: FocusColumn) => {
    const id = sqlIdent(c.focus);
    const type = columns.get(c.focus) ?? '';
    if (c.kind === 'cost') return `coalesce(${isText(type) ? parsed(c) : `CAST(${id} AS DOUBLE)`}, 0)`;
    if (c.kind === 'time') return `CAST(${isText(type) ? parsed(c) : id} AS TIMESTAMP)`;
    if (c.kind === 'tags') {
      if (type.startsWith('MAP')) return `CAST(to_json(try(CAST(${id} AS MAP(VARCHAR, VARCHAR)))) AS VARCHAR)`;
      return isText(type) ? tagsText(id) : 'NULL';
    }
    return `NULLIF(NULLIF(CAST(${id} AS VARCHAR), 'NULL'), '')`;
  };
  return {
    format: 'parquet',
    select: selectList(columns, expr, from),
    problems,
    locateMissingStart: async () =>
      rows(
        await numbered(
          conn,
          `SELECT file_row_number + 1 AS n FROM read_parquet(${sqlString(path)}, file_row_number = true) WHERE ${expr(FOCUS_COLUMNS[0]!)} IS NULL ORDER BY n LIMIT ${MAX_PROBLEMS}`,
        ),
        'row',
        'ChargePeriodStart',
        'ChargePeriodStart is empty',
      ),
    // Every value that could fail to convert was checked before reading (problems).
    locateUnconvertible: async () => [],
  };
}

/** The billing_rows columns in table order; a column the file lacks is NULL (costs 0). */
function selectList(columns: Map<string, string>, expr: (c: FocusColumn) => string, from: string): string {
  const list = FOCUS_COLUMNS.map((c) => {
    const value = columns.has(c.focus) ? expr(c) : c.kind === 'cost' ? '0' : 'NULL';
    return `${value} AS ${c.column}`;
  });
  return `SELECT CAST(charge_period_start AS DATE) AS day, * FROM (SELECT ${list.join(', ')} FROM ${from})`;
}

export async function openFocusSource(conn: DuckDBConnection, path: string): Promise<FocusSource> {
  const format = formatOf(path);
  if (!format) throw new OpsdeckError('BAD_REQUEST', `${path}: not a .csv, .csv.gz or .parquet file`);
  try {
    return format === 'parquet' ? await parquetSource(conn, path) : await csvSource(conn, path);
  } catch (err) {
    if (err instanceof OpsdeckError) throw err;
    throw new OpsdeckError('BAD_REQUEST', `${path}: cannot be read as ${format}: ${(err as Error).message}`);
  }
}
