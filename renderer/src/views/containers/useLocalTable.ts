import { useMemo, useRef, useState } from 'react';
import { useSlashFocus } from '../../components/useSlashFocus';
import { sortedBy } from './localSort';

/**
 * The sort, text filter and selection of a table whose rows all arrive at once (images,
 * volumes): filtered and sorted here, with "/" focusing the filter.
 */
export function useLocalTable<Row, Sort extends string>(
  rows: readonly Row[],
  keys: Record<Sort, (r: Row) => string | number | null>,
  searchText: (r: Row) => string,
  initial: { sort: Sort; dir: 'asc' | 'desc' },
) {
  const [sort, setSort] = useState(initial);
  const [text, setText] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const filterInput = useRef<HTMLInputElement>(null);
  useSlashFocus(filterInput);
  const needle = text.trim().toLowerCase();
  const shown = useMemo(
    () => sortedBy(needle ? rows.filter((r) => searchText(r).toLowerCase().includes(needle)) : rows, keys[sort.sort], sort.dir),
    // keys and searchText are module constants.
    [rows, needle, sort],
  );
  return { shown, sort: sort.sort, dir: sort.dir, onSort: (s: Sort, dir: 'asc' | 'desc') => setSort({ sort: s, dir }), text, setText, selected, setSelected, filterInput };
}
