// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Markdown } from '../../../renderer/src/views/runbooks/Markdown';
import { parseBlocks } from '../../../src/runbooks/markdown/blocks';
import { runbookHref, runbooksRouteFromHash } from '../../../renderer/src/views/runbooks/runbooksRoute';

afterEach(cleanup);

const renderMarkdown = (text: string) => render(<Markdown blocks={parseBlocks(text.split('\n'), 1)} />).container;

describe('runbook Markdown in the page', () => {
  it('shows HTML from a file as text and only safe links', () => {
    const page = renderMarkdown('<script>window.x = 1</script> <img src=x onerror="alert(1)">\n\n[docs](https://kubernetes.io) [bad](javascript:void)');
    expect(page.querySelector('script, img')).toBeNull();
    expect(page.textContent).toContain('<script>window.x = 1</script>');
    const links = [...page.querySelectorAll('a')];
    expect(links.map((a) => [a.getAttribute('href'), a.getAttribute('rel')])).toEqual([['https://kubernetes.io', 'noreferrer noopener']]);
  });

  it('gives headings anchors and code blocks a copy button', () => {
    const page = renderMarkdown('## Steps\n\n```sh\ndf -h\n```');
    expect(page.querySelector('h4')?.id).toBe('runbook-steps');
    expect(page.querySelector('[data-testid="code-block"] pre')?.textContent).toBe('df -h');
    expect(page.querySelector('button')?.textContent).toBe('Copy sh');
  });

  it('links an alert to its runbook through the route', () => {
    const href = runbookHref('disk-filling-up', 42);
    expect(href).toBe('#/runbooks?rb=disk-filling-up&alert=42');
    expect(runbooksRouteFromHash(href)).toMatchObject({ runbook: 'disk-filling-up', alert: 42, run: null, text: '' });
  });
});
