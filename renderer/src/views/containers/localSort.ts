/** Rows sorted by one key, ties kept in their order; nulls last either way. */
export function sortedBy<Row>(rows: readonly Row[], key: (r: Row) => string | number | null, dir: 'asc' | 'desc'): Row[] {
  const sign = dir === 'asc' ? 1 : -1;
  return rows
    .map((row, i) => ({ row, i, k: key(row) }))
    .sort((a, b) => {
      if (a.k === b.k) return a.i - b.i;
      if (a.k === null) return 1;
      if (b.k === null) return -1;
      const order = typeof a.k === 'number' && typeof b.k === 'number' ? a.k - b.k : String(a.k).localeCompare(String(b.k));
      return order * sign || a.i - b.i;
    })
    .map((x) => x.row);
}
