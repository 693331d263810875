'use client';
import { useEffect, useRef, type ReactNode } from 'react';

/** Marks the shell's top bars (cross-launch banner, header): a drawer never covers them. */
export const SHELL_TOP_ATTR = 'data-shell-top';

/**
 * The one side drawer: a non-modal panel at the right on wide screens (the page beside it
 * stays usable) and full width on small ones. It starts below the shell's top bars — the
 * cross-launch banner's "Back to …" and the user menu stay visible and clickable — and
 * takes the whole height once they have scrolled away.
 */
export function Drawer({ labelledBy, testId, children }: { labelledBy: string; testId?: string; children: ReactNode }) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    const drawer = ref.current;
    const top = document.querySelector(`[${SHELL_TOP_ATTR}]`);
    if (!drawer || !top) return;
    const place = () => {
      drawer.style.top = `${Math.max(0, top.getBoundingClientRect().bottom)}px`;
    };
    place();
    const observer = new ResizeObserver(place);
    observer.observe(top);
    window.addEventListener('scroll', place, { passive: true });
    window.addEventListener('resize', place);
    return () => {
      observer.disconnect();
      window.removeEventListener('scroll', place);
      window.removeEventListener('resize', place);
    };
  }, []);
  return (
    <aside
      ref={ref}
      aria-labelledby={labelledBy}
      data-testid={testId}
      // Before the first measurement it sits below the usual header height, under the bars (z-30 < z-40).
      className="fixed inset-x-0 bottom-0 top-14 z-30 overflow-y-auto overscroll-contain border-slate-200 bg-white shadow-2xl lg:left-auto lg:w-[28rem] lg:border-l"
    >
      {children}
    </aside>
  );
}
