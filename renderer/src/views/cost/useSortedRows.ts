import { useMemo, useState } from 'react';

export type SortDir = 'asc' | 'desc';

/** Rows filtered by a text and sorted by one column; numbers sort descending first. */
export function useSortedRows<T, K extends string>(rows: T[], value: (row: T, key: K) => string | number | null, text: (row: T) => string, initial: K) {
  const [sort, setSort] = useState<{ key: K; dir: SortDir }>({ key: initial, dir: 'desc' });
  const [filter, setFilter] = useState('');
  const shown = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    const kept = needle ? rows.filter((r) => text(r).toLowerCase().includes(needle)) : rows;
    const sign = sort.dir === 'asc' ? 1 : -1;
    return [...kept].sort((a, b) => {
      const x = value(a, sort.key);
      const y = value(b, sort.key);
      if (x === y) return 0;
      if (x === null) return 1;
      if (y === null) return -1;
      return (x < y ? -1 : 1) * sign;
    });
  }, [rows, filter, sort, value, text]);
  const toggle = (key: K) => setSort((s) => ({ key, dir: s.key === key && s.dir === 'desc' ? 'asc' : 'desc' }));
  return { shown, sort, toggle, filter, setFilter };
}
