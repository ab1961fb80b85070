import { CopyableCode } from '../../components/CopyableCode';

const ACTION_FENCE = 'opsdeck-action';

/** A code block with a copy button; a step's action block is labelled as what it is. */
export function CodeBlock({ lang, text }: { lang: string; text: string }) {
  const action = lang === ACTION_FENCE;
  return (
    <figure className={`md-code ${action ? 'md-code--action' : ''}`} data-testid="code-block">
      {action && <figcaption className="muted">Step action: run it from a guided run</figcaption>}
      <CopyableCode text={text} copyLabel={action ? 'Copy action' : `Copy ${lang || 'code'}`} />
    </figure>
  );
}
