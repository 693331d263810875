'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, type ReactNode } from 'react';
import { CopyValue } from '@/components/ui/copy-button';
import { packageDisplay } from '@/components/customers/package-status';
import { Drawer } from '@/components/ui/drawer';
import { Badge } from '@/components/ui/primitives';
import type { CustomerDetail } from '@/lib/customers/get-customer-detail';
import { isTransitional } from '@/lib/customers/status-machine';
import { PostalAddress } from '@/components/address/postal-address';
import { localeName } from '@/lib/domain/locale-names';
import { PACKAGE_INFO } from '@/lib/domain/packages';
import { formatTimestamp } from '@/lib/format';
import { CustomerActions, type PanelPermissions } from './customer-actions';
import { CustomerStatusBadge } from './customer-status-badge';
import { RbpmToggle } from './rbpm-toggle';
import { useCustomerDetail } from './use-customer-detail';
import dynamic from 'next/dynamic';

// Loaded on demand: its forms (react-hook-form + zod) would push the list past 200 kB of first-load JS.
const TrialSection = dynamic(() => import('./trial-section').then((m) => m.TrialSection));

const LEVEL_CLASS = { info: 'text-slate-700', warning: 'text-amber-800', error: 'text-red-700' } as const;

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[9rem_1fr] gap-2 py-1.5 text-sm">
      <dt className="text-slate-600">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </div>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="border-t border-slate-100 px-5 py-4">
      <h3 className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-600">{title}</h3>
      {children}
    </section>
  );
}

/**
 * The customer detail panel (SPEC §4.3), opened by ?customer=<id>: a drawer at the right
 * of the list on wide screens (the list keeps its width and stays usable), full screen on
 * small ones. Esc or Close returns to the list. Live while a job works on the customer.
 */
export function CustomerPanel({
  orgId,
  initial,
  can,
  closeHref,
}: {
  orgId: string;
  initial: CustomerDetail;
  can: PanelPermissions;
  closeHref: string;
}) {
  const { data, error } = useCustomerDetail(orgId, initial.customerId, { initialData: initial });
  const c = data ?? initial;
  const heading = useRef<HTMLHeadingElement>(null);
  const router = useRouter();
  // Opening another customer moves focus to its name, so keyboard and screen-reader users land in the panel.
  useEffect(() => heading.current?.focus(), [initial.customerId]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // Not while a dialog (Delete) is open: Esc belongs to it then.
      if (e.key === 'Escape' && !document.querySelector('dialog[open]')) router.push(closeHref, { scroll: false });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [router, closeHref]);
  const addr = c.address;

  return (
    <Drawer labelledBy="customer-panel-title" testId="customer-panel">
      <header className="flex items-start justify-between gap-3 px-5 pt-5 pb-3">
        <div className="min-w-0">
          <h2 id="customer-panel-title" ref={heading} tabIndex={-1} className="text-lg font-semibold break-words outline-none">
            {c.name}
          </h2>
          <div className="mt-1 flex items-center gap-2">
            <CustomerStatusBadge status={c.status} />
            {isTransitional(c.status) && (
              <span className="text-xs text-slate-500" aria-live="polite">
                Updating live…
              </span>
            )}
          </div>
        </div>
        <Link
          href={closeHref}
          scroll={false}
          className="rounded-md px-2 py-1 text-sm text-slate-600 hover:bg-slate-100"
          aria-label="Close customer details"
        >
          Close ✕
        </Link>
      </header>
      {error && (
        <p role="alert" className="mx-5 mb-2 rounded bg-red-50 px-3 py-2 text-sm text-red-800">
          {error.message}
        </p>
      )}

      <div className="px-5 pb-4">
        <CustomerActions orgId={orgId} customer={c} can={can} />
      </div>
      <TrialSection orgId={orgId} customerId={c.customerId} />

      {c.errors.length > 0 && (
        <div className="mx-5 mb-4 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900" data-testid="customer-errors">
          {c.errors.map((e) => (
            <p key={`${e.errorCode}-${e.description}`}>
              {e.description} <span className="text-red-700">(error {e.errorCode})</span>
            </p>
          ))}
        </div>
      )}

      <Section title="Details">
        <dl>
          <Row label="Org ID">
            <CopyValue value={c.orgId} label="org ID" />
          </Row>
          <Row label="External ID">
            <span className="font-mono text-xs">{c.externalId}</span>
          </Row>
          <Row label="Subscription ID">{c.subscriptionId ?? <span className="text-slate-500">Attached when provisioned</span>}</Row>
          <Row label="Template">{c.templateName ?? '—'}</Row>
          <Row label="Administrator">{c.adminName ? `${c.adminName} (${c.adminEmail})` : c.adminEmail}</Row>
          <Row label="Language">{c.language ? localeName(c.language) : '—'}</Row>
          <Row label="Headquarters">{addr ? <PostalAddress address={addr} testId="customer-hq-address" /> : '—'}</Row>
          {c.sipDomain && <Row label="SIP domain">{c.sipDomain}</Row>}
          {c.meetingsSiteUrl && <Row label="Meetings site">{c.meetingsSiteUrl}</Row>}
          <Row label="Created">{formatTimestamp(c.createdAt)}</Row>
        </dl>
      </Section>

      <Section title="Restricted by Partner Mode">
        <RbpmToggle orgId={orgId} customer={c} canToggle={can.rbpm} />
      </Section>

      <Section title="Packages">
        <ul className="space-y-2" data-testid="customer-packages">
          {c.packages.map((p) => (
            <li key={p.package} className="text-sm">
              <div className="flex items-center justify-between gap-2">
                <span>{PACKAGE_INFO[p.package].name}</span>
                <Badge tone={packageDisplay(c.status, p.status).tone}>{packageDisplay(c.status, p.status).label}</Badge>
              </div>
              {p.errors.map((e) => (
                <p key={e.description} className="mt-0.5 text-xs text-red-700">
                  {e.description}
                </p>
              ))}
            </li>
          ))}
        </ul>
      </Section>

      <Section title={`Users (${c.activeUsers})`}>
        {c.usersByPackage.length === 0 ? (
          <p className="text-sm text-slate-600">No users yet.</p>
        ) : (
          <ul className="space-y-1 text-sm" data-testid="users-by-package">
            {c.usersByPackage.map((u) => (
              <li key={u.package} className="flex justify-between">
                <span>{PACKAGE_INFO[u.package].name}</span>
                <span className="tabular-nums">{u.users}</span>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section title="Provisioning log">
        {c.events.length === 0 ? (
          <p className="text-sm text-slate-600">Nothing logged yet.</p>
        ) : (
          <ol className="space-y-1.5 text-sm" data-testid="provisioning-log">
            {c.events.map((e) => (
              <li key={e.id} className={LEVEL_CLASS[e.level]}>
                <time dateTime={e.at} className="mr-2 text-xs text-slate-500">
                  {formatTimestamp(e.at)}
                </time>
                {e.message}
              </li>
            ))}
          </ol>
        )}
      </Section>
    </Drawer>
  );
}
