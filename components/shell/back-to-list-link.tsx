'use client';
import Link from 'next/link';
import { useSyncExternalStore, type ReactNode } from 'react';
import { recallListQuery } from '@/components/ui/list-query-memory';

const subscribe = () => () => {};

/** A link to a list that reopens it with the search and filters it last had in this tab. */
export function BackToListLink({ href, className, children }: { href: string; className?: string; children: ReactNode }) {
  const query = useSyncExternalStore(
    subscribe,
    () => recallListQuery(href),
    () => '',
  );
  return (
    <Link href={query ? `${href}?${query}` : href} className={className}>
      {children}
    </Link>
  );
}
