import { describe, expect, it } from 'vitest';
import { movedCursor } from '../../../renderer/src/components/VirtualTable';
import { pagesInRange, scrollToShow, visibleRange } from '../../../renderer/src/components/virtualRange';
import { sortDeployments } from '../../../renderer/src/views/deployments/deploymentColumns';
import { deploymentRow } from './clustersFixtures';

describe('table window', () => {
  it('renders the rows in view plus the overscan, within the result', () => {
    expect(visibleRange(0, 560, 28, 10, 5000)).toEqual([0, 30]);
    expect(visibleRange(2500 * 28, 560, 28, 10, 5000)).toEqual([2490, 2530]);
    expect(visibleRange(0, 560, 28, 10, 3)).toEqual([0, 2]);
    expect(visibleRange(4990 * 28, 560, 28, 10, 5000)).toEqual([4980, 4999]);
  });

  it('fetches only the pages that hold the rows in view', () => {
    expect(pagesInRange(0, 30, 100)).toEqual([0]);
    expect(pagesInRange(2490, 2530, 100)).toEqual([24, 25]);
    expect(pagesInRange(99, 100, 100)).toEqual([0, 1]);
  });

  it('scrolls only as far as needed to show a row below a sticky header', () => {
    expect(scrollToShow(5, 0, 560, 28, 28)).toBeNull();
    expect(scrollToShow(3, 280, 560, 28, 28)).toBe(84);
    expect(scrollToShow(30, 0, 560, 28, 28)).toBe(31 * 28 - 560 + 28);
  });

  it('moves the cursor with the keys, starting where the view is and staying inside the rows', () => {
    expect(movedCursor('ArrowDown', null, 100, 40)).toBe(40);
    expect(movedCursor('ArrowUp', null, 100, 40)).toBe(40);
    expect(movedCursor('ArrowDown', 99, 100, 0)).toBe(99);
    expect(movedCursor('ArrowUp', 0, 100, 0)).toBe(0);
    expect(movedCursor('PageDown', 5, 100, 0)).toBe(15);
    expect(movedCursor('End', 5, 100, 0)).toBe(99);
    expect(movedCursor('Home', 5, 100, 0)).toBe(0);
    expect(movedCursor('x', 5, 100, 0)).toBeNull();
    expect(movedCursor('ArrowDown', null, 0, 0)).toBeNull();
  });
});

describe('deployments across contexts', () => {
  const rows = [
    { ...deploymentRow('shop', 'web', { status: '3/3', createdAt: 3 }), context: 'b' },
    { ...deploymentRow('shop', 'web', { status: '0/3', createdAt: 1 }), context: 'a' },
    { ...deploymentRow('app', 'api', { status: '2/4', createdAt: 2 }), context: 'a' },
  ];
  const keys = (list: typeof rows) => list.map((r) => `${r.context}:${r.namespace}/${r.name}`);

  it('sorts by any column, ties by context, namespace and name', () => {
    expect(keys(sortDeployments(rows, 'name', 'asc'))).toEqual(['a:app/api', 'a:shop/web', 'b:shop/web']);
    expect(keys(sortDeployments(rows, 'ready', 'asc'))).toEqual(['a:shop/web', 'a:app/api', 'b:shop/web']);
    expect(keys(sortDeployments(rows, 'age', 'asc'))).toEqual(['b:shop/web', 'a:app/api', 'a:shop/web']);
    expect(keys(sortDeployments(rows, 'context', 'desc'))).toEqual(['b:shop/web', 'a:app/api', 'a:shop/web']);
  });
});
