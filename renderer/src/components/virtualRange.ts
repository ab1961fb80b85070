/** The rows a fixed-row-height list renders: those in view plus `overscan` on each side. */
export function visibleRange(scrollTop: number, viewportPx: number, rowPx: number, overscan: number, count: number): [number, number] {
  const first = Math.max(0, Math.floor(scrollTop / rowPx) - overscan);
  const last = Math.min(count - 1, Math.ceil((scrollTop + viewportPx) / rowPx) + overscan);
  return [first, last];
}

/** The page numbers that hold rows first..last. */
export function pagesInRange(first: number, last: number, pageRows: number): number[] {
  const pages: number[] = [];
  for (let page = Math.floor(first / pageRows); page <= Math.floor(last / pageRows); page++) pages.push(page);
  return pages;
}

/** The scrollTop that brings row `index` into view, or null when it already is. */
export function scrollToShow(index: number, scrollTop: number, viewportPx: number, rowPx: number, headerPx = 0): number | null {
  const top = index * rowPx;
  if (top < scrollTop) return top;
  if (top + rowPx > scrollTop + viewportPx - headerPx) return top + rowPx - viewportPx + headerPx;
  return null;
}
