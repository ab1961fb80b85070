interface Props {
  offset: number;
  /** Rows on this page. */
  shown: number;
  total: number;
  pageSize: number;
  onOffset(offset: number): void;
}

/** Newer/Older buttons around "1–50 of 120" for a list the host pages, newest first. */
export function Pager({ offset, shown, total, pageSize, onOffset }: Props) {
  return (
    <div className="pager">
      <button type="button" className="button button--small" disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - pageSize))}>
        Newer
      </button>
      <span className="muted">{total === 0 ? 'None' : `${offset + 1}–${offset + shown} of ${total}`}</span>
      <button type="button" className="button button--small" disabled={offset + pageSize >= total} onClick={() => onOffset(offset + pageSize)}>
        Older
      </button>
    </div>
  );
}
