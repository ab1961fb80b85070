interface Props {
  title?: string;
  message: string;
  onRetry: () => void;
}

/** A failed request in words from the host, with a way to try again. */
export function LoadError({ title = 'Could not load this data', message, onRetry }: Props) {
  return (
    <div className="load-error" role="alert">
      <div>
        <strong>{title}</strong>
        <p className="load-error__message">{message}</p>
      </div>
      <button type="button" className="button" onClick={onRetry}>
        Retry
      </button>
    </div>
  );
}
