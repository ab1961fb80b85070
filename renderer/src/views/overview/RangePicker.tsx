import type { SeriesRange } from '@contract';
import { SERIES_RANGES } from '@contract/types';

const RANGE_LABELS: Record<SeriesRange, string> = {
  '15m': '15 min',
  '1h': '1 h',
  '6h': '6 h',
  '24h': '24 h',
  '7d': '7 d',
};

export function RangePicker({ value, onChange }: { value: SeriesRange; onChange: (r: SeriesRange) => void }) {
  return (
    <div className="segmented" role="group" aria-label="Time range">
      {SERIES_RANGES.map((range) => (
        <button
          key={range}
          type="button"
          className="segmented__option"
          data-testid={`range-${range}`}
          aria-pressed={range === value}
          onClick={() => onChange(range)}
        >
          {RANGE_LABELS[range]}
        </button>
      ))}
    </div>
  );
}
