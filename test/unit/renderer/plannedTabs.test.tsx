// @vitest-environment happy-dom
import type { TabId } from '@contract';
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { LAZY, renderApp } from './helpers/renderApp';

afterEach(cleanup);

const PLANNED: [TabId, RegExp][] = [
  ['cost', /Cost reporting is not part of this build yet/],
  ['recovery', /Disaster recovery tracking is not part of this build yet/],
  ['runbooks', /Runbooks are not part of this build yet/],
];

describe('tabs whose engines are not in this build', () => {
  it.each(PLANNED)('%s says what it will connect to, without any numbers', async (tab, text) => {
    renderApp({ tab });
    expect(await screen.findByText(text, {}, LAZY)).toBeTruthy();
    expect(screen.getByRole('tabpanel').textContent).not.toMatch(/\d/);
  });
});
