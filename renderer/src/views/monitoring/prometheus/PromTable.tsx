import type { PromData } from '@contract';
import { formatTimestamp } from '../../../format/time';
import { LabelChips } from '../LabelChips';

/** Rows of labels and value; a range result shows each series' last value and its point count. */
export function PromTable({ data }: { data: PromData }) {
  if (data.resultType === 'scalar' || data.resultType === 'string') {
    const text = data.resultType === 'scalar' ? data.sample.text : data.value;
    const ts = data.resultType === 'scalar' ? data.sample.ts : data.ts;
    return (
      <p data-testid="promql-scalar">
        <span className="mono">{text}</span> <span className="muted">at {formatTimestamp(ts)}</span>
      </p>
    );
  }
  if (data.series.length === 0) return <p className="muted">The query matched no series.</p>;
  return (
    <table className="table" aria-label="Query result" data-testid="promql-table">
      <thead>
        <tr>
          <th scope="col">Series</th>
          <th scope="col">Labels</th>
          <th scope="col">{data.resultType === 'matrix' ? 'Last value' : 'Value'}</th>
          {data.resultType === 'matrix' && <th scope="col">Points</th>}
        </tr>
      </thead>
      <tbody>
        {data.resultType === 'vector'
          ? data.series.map((s) => (
              <tr key={s.name}>
                <td className="mono">{s.name}</td>
                <td>
                  <LabelChips labels={s.metric} />
                </td>
                <td className="mono">{s.sample.text}</td>
              </tr>
            ))
          : data.series.map((s) => {
              const last = s.points.at(-1);
              return (
                <tr key={s.name}>
                  <td className="mono">{s.name}</td>
                  <td>
                    <LabelChips labels={s.metric} />
                  </td>
                  <td className="mono">{last ? (last[1] === null ? 'NaN/Inf' : String(last[1])) : ''}</td>
                  <td>{s.points.length}</td>
                </tr>
              );
            })}
      </tbody>
    </table>
  );
}
