import { useLayoutEffect, useState, type RefObject } from 'react';

/** Before layout (and where there is none, as in tests) assume a usual viewport. */
const FALLBACK_VIEWPORT_PX = 560;

/** The height of a scrolling element, kept current as it resizes. */
export function useViewport(scroller: RefObject<HTMLElement | null>): number {
  const [viewport, setViewport] = useState(FALLBACK_VIEWPORT_PX);
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => setViewport(el.clientHeight || FALLBACK_VIEWPORT_PX);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [scroller]);
  return viewport;
}
