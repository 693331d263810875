'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useId, useState } from 'react';
import { cn } from '@/components/ui/cn';
import type { NavItem } from './nav';

/**
 * The main navigation: a column beside the page on wide screens; on phones collapsed
 * behind a Menu button (disclosure pattern) that closes again once a page is chosen.
 */
export function NavLinks({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [openedOn, setOpenedOn] = useState(pathname);
  if (openedOn !== pathname) {
    // A new page: fold the menu away (state adjusted while rendering, no effect).
    setOpenedOn(pathname);
    setOpen(false);
  }
  const current = items.find((item) => pathname === item.href || pathname.startsWith(`${item.href}/`));
  return (
    <div>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
        className="flex w-full items-center justify-between rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium md:hidden"
      >
        <span>
          Menu<span className="sr-only">{current ? `, current page ${current.label}` : ''}</span>
        </span>
        <span aria-hidden className="text-slate-600">
          {current?.label} {open ? '▴' : '▾'}
        </span>
      </button>
      <nav id={id} aria-label="Main" className={cn('mt-2 flex-col gap-1 md:mt-0 md:flex', open ? 'flex' : 'hidden')}>
        {items.map((item) => {
          const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <Link
              key={item.href}
              href={item.href}
              aria-current={active ? 'page' : undefined}
              className={`rounded-md px-3 py-2 text-sm font-medium ${active ? 'bg-brand-50 text-brand-700' : 'text-slate-700 hover:bg-slate-100'}`}
            >
              {item.label}
            </Link>
          );
        })}
      </nav>
    </div>
  );
}
