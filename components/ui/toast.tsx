'use client';
import { usePathname } from 'next/navigation';
import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';

type Tone = 'success' | 'error' | 'info';
interface Toast {
  id: number;
  tone: Tone;
  text: string;
  path: string;
  /** Still in the moment after it was raised: follows a navigation. */ carry: boolean;
}
const ToastContext = createContext<(text: string, tone?: Tone) => void>(() => {});

const SHOW_MS = 5000;
/** A toast raised just before a navigation (e.g. "created", then open the new page) belongs to the page it leads to. */
const CARRY_OVER_MS = 2000;

/**
 * One toast at a time: a new one replaces the last (they never pile up), and a toast stays
 * with the page it was raised on — moving elsewhere clears it, unless it was raised in the
 * moment before that navigation.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const pathname = usePathname();
  const [toast, setToast] = useState<Toast | null>(null);
  const [shownOn, setShownOn] = useState(pathname);
  if (shownOn !== pathname) {
    // Adjusting state while rendering (React's pattern for "reset on prop change"): no effect, no flash.
    setShownOn(pathname);
    if (toast && toast.path !== pathname && !toast.carry) setToast(null);
  }
  const push = useCallback((text: string, tone: Tone = 'success') => {
    const next = { id: Date.now() + Math.random(), tone, text, path: window.location.pathname, carry: true };
    setToast(next);
    setTimeout(() => setToast((t) => (t?.id === next.id ? { ...t, path: window.location.pathname, carry: false } : t)), CARRY_OVER_MS);
    setTimeout(() => setToast((t) => (t?.id === next.id ? null : t)), SHOW_MS);
  }, []);
  return (
    <ToastContext.Provider value={push}>
      {children}
      <div aria-live="polite" className="fixed bottom-4 right-4 z-50 flex max-w-[calc(100vw-2rem)] flex-col gap-2" data-testid="toasts">
        {toast && (
          <div
            key={toast.id}
            role="status"
            className={`rounded-md px-4 py-3 text-sm shadow-lg text-white ${toast.tone === 'error' ? 'bg-red-700' : toast.tone === 'info' ? 'bg-slate-800' : 'bg-emerald-700'}`}
          >
            {toast.text}
          </div>
        )}
      </div>
    </ToastContext.Provider>
  );
}

export const useToast = () => useContext(ToastContext);
