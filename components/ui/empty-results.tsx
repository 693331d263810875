import Link from 'next/link';
import type { ReactNode } from 'react';
import { buttonClass } from './button-class';
import { EmptyState } from './primitives';

/** The way back from an empty search or filter result: the list unfiltered. */
export function ClearLink({ href, children = 'Clear search' }: { href: string; children?: ReactNode }) {
  return (
    <Link href={href} className={buttonClass('secondary')}>
      {children}
    </Link>
  );
}

/** A search that found nothing: what was searched, why nothing matched, and Clear search. */
export function NoSearchResults({ q, href, children }: { q: string; href: string; children: ReactNode }) {
  return (
    <EmptyState title={`No results for “${q}”`} action={<ClearLink href={href} />}>
      {children}
    </EmptyState>
  );
}
