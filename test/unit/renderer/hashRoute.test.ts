import { describe, expect, it } from 'vitest';
import { hashForTab, tabFromHash } from '../../../renderer/src/shell/hashRoute';

describe('hash routes', () => {
  it('reads the tab from the hash', () => {
    expect(tabFromHash('#/monitoring')).toBe('monitoring');
    expect(tabFromHash('#monitoring')).toBe('monitoring');
    expect(tabFromHash('#/settings?alert=x')).toBe('settings');
    expect(tabFromHash('')).toBeNull();
    expect(tabFromHash('#/nope')).toBeNull();
  });

  it('writes the tab and keeps a query untouched', () => {
    expect(hashForTab('', 'cost')).toBe('#/cost');
    expect(hashForTab('#/overview?token=abc&x=1', 'runbooks')).toBe('#/runbooks?token=abc&x=1');
  });
});
