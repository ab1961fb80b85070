import type { MdBlock, MdInline } from '@contract';
import type { MouseEvent } from 'react';
import { CodeBlock } from './CodeBlock';

/** Heading anchors live in the page with other views: a prefix keeps their ids apart. */
export const anchorId = (id: string) => `runbook-${id}`;

export function scrollToAnchor(id: string): void {
  document.getElementById(anchorId(id))?.scrollIntoView({ block: 'start', behavior: 'smooth' });
}

function Link({ href, children }: { href: string; children: MdInline[] }) {
  if (href.startsWith('#')) {
    const onClick = (event: MouseEvent) => {
      // The hash is the app's route: an in-document link scrolls instead of navigating.
      event.preventDefault();
      scrollToAnchor(href.slice(1));
    };
    return (
      <a href={href} onClick={onClick}>
        <Inline nodes={children} />
      </a>
    );
  }
  return (
    <a href={href} target="_blank" rel="noreferrer noopener">
      <Inline nodes={children} />
    </a>
  );
}

/** Inline nodes as React elements: text is always text, never HTML. */
export function Inline({ nodes }: { nodes: MdInline[] }) {
  return (
    <>
      {nodes.map((n, i) => {
        switch (n.t) {
          case 'text':
            return n.v;
          case 'code':
            return <code key={i}>{n.v}</code>;
          case 'strong':
            return (
              <strong key={i}>
                <Inline nodes={n.c} />
              </strong>
            );
          case 'em':
            return (
              <em key={i}>
                <Inline nodes={n.c} />
              </em>
            );
          case 'link':
            return <Link key={i} href={n.href} children={n.c} />;
        }
      })}
    </>
  );
}

/** The view's title is an h2: a runbook's own headings sit below it. */
function Heading({ block }: { block: Extract<MdBlock, { t: 'heading' }> }) {
  const props = { id: anchorId(block.id), children: <Inline nodes={block.c} /> };
  switch (block.level) {
    case 1:
      return <h3 {...props} />;
    case 2:
      return <h4 {...props} />;
    case 3:
      return <h5 {...props} />;
    default:
      return <h6 {...props} />;
  }
}

function Block({ block }: { block: MdBlock }) {
  switch (block.t) {
    case 'heading':
      return <Heading block={block} />;
    case 'paragraph':
      return (
        <p>
          <Inline nodes={block.c} />
        </p>
      );
    case 'code':
      return <CodeBlock lang={block.lang} text={block.text} />;
    case 'list': {
      const items = block.items.map((item, i) => (
        <li key={i}>
          <Markdown blocks={item} />
        </li>
      ));
      return block.ordered ? <ol start={block.start}>{items}</ol> : <ul>{items}</ul>;
    }
    case 'quote':
      return (
        <blockquote>
          <Markdown blocks={block.c} />
        </blockquote>
      );
    case 'table':
      return (
        <table className="md-table">
          <thead>
            <tr>
              {block.head.map((cell, i) => (
                <th key={i} style={{ textAlign: block.align[i] ?? undefined }}>
                  <Inline nodes={cell} />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {block.rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, i) => (
                  <td key={i} style={{ textAlign: block.align[i] ?? undefined }}>
                    <Inline nodes={cell} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
    case 'rule':
      return <hr />;
  }
}

/** A runbook's Markdown, from the host's parsed blocks: no HTML from files ever reaches the page. */
export function Markdown({ blocks }: { blocks: MdBlock[] }) {
  return (
    <>
      {blocks.map((b, i) => (
        <Block key={`${b.line}-${i}`} block={b} />
      ))}
    </>
  );
}
