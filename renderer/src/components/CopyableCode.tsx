import { useState } from 'react';

interface Props {
  text: string;
  /** What the copy button says, e.g. "Copy YAML". */
  copyLabel: string;
  testId?: string;
}

/** Text as the host gave it (YAML, JSON), in monospace, with a copy button (styled by k8s.css's yaml-view). */
export function CopyableCode({ text, copyLabel, testId }: Props) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = () =>
    navigator.clipboard.writeText(text).then(
      () => setCopied('yes'),
      () => setCopied('failed'),
    );
  return (
    <div className="yaml-view">
      <div className="yaml-view__bar">
        <button type="button" className="button button--small" onClick={() => void copy()}>
          {copyLabel}
        </button>
        <span className="muted" role="status">
          {copied === 'yes' ? 'Copied' : copied === 'failed' ? 'The clipboard refused the text' : ''}
        </span>
      </div>
      <pre className="yaml-view__text mono" data-testid={testId}>
        {text}
      </pre>
    </div>
  );
}
