import type { SortDir } from './useSortedRows';

interface Props<K extends string> {
  id: K;
  label: string;
  sort: { key: K; dir: SortDir };
  onSort(key: K): void;
}

/** A column head that sorts its table. */
export function SortHeader<K extends string>({ id, label, sort, onSort }: Props<K>) {
  const active = sort.key === id;
  return (
    <th scope="col" aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
      <button type="button" className="table__sort" onClick={() => onSort(id)}>
        {label}
        <span className="table__sort-mark" aria-hidden="true">
          {active ? (sort.dir === 'asc' ? '▲' : '▼') : ''}
        </span>
      </button>
    </th>
  );
}
