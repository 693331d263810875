import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { getDb } from '@/db/client';
import { customerStatusTone } from '@/components/customers/status-tone';
import { Badge, buttonClass, Card, EmptyState, Forbidden, PageHeader, Stat } from '@/components/ui/primitives';
import { decide } from '@/lib/auth/policy';
import { parseCustomerListParams } from '@/lib/customers/customer-list-params';
import { listPartnerCustomers, type CustomerListRow } from '@/lib/customers/list-partner-customers';
import { PACKAGE_INFO, PACKAGES } from '@/lib/domain/packages';
import { CUSTOMER_STATUS_LABELS, CUSTOMER_STATUSES } from '@/lib/domain/statuses';
import { formatDate } from '@/lib/format';
import { getPartnerOverview } from '@/lib/overview/get-partner-overview';
import { appDeps } from '@/lib/server/deps';
import { gatePage, subPartnerCount } from '@/lib/server/session';
import { listTrials } from '@/lib/trials/list-trials';

export const metadata: Metadata = { title: 'Overview' };

/** Customers that wait on a person: shown on the home page with the way to act on them. */
function AttentionList({
  title,
  testId,
  rows,
  total,
  href,
  action,
  empty,
}: {
  title: string;
  testId: string;
  rows: CustomerListRow[];
  total: number;
  href: (id?: string) => string;
  action: string;
  empty: string;
}) {
  return (
    <Card
      title={title}
      actions={
        total > rows.length ? (
          <Link href={href()} className="text-sm text-brand-700 underline">
            All {total}
          </Link>
        ) : undefined
      }
    >
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">{empty}</p>
      ) : (
        <ul className="divide-y divide-slate-100" data-testid={testId}>
          {rows.map((r) => (
            <li key={r.customerId} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
              <span className="min-w-0 break-words font-medium">{r.name}</span>
              <Link href={href(r.customerId)} className={buttonClass('secondary')}>
                {action}
                <span className="sr-only"> {r.name}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

/**
 * Each role's landing page (issue 17.8): the counts that apply to it, and what waits on it —
 * wholesale admins the customers in Error or under compliance review, with the action;
 * sales admins the trials expiring soon. Every tile and status opens the filtered list.
 */
export default async function OverviewPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const gate = await gatePage(orgId, 'org.read', 'partner');
  if (gate.denied) return <Forbidden message={gate.denied} next={gate.next} />;
  const { access } = gate;
  const db = getDb();
  const base = `/o/${orgId}`;
  const wholesale = access.org.wholesale;
  // A read-only admin opens the same customers, but the action says what they can do: look.
  const canCreate = decide(access, 'customers.write').allowed;
  const canTrials = decide(access, 'trials.read').allowed;
  const canStartTrial = decide(access, 'trials.manage').allowed;
  const attention = (status: 'error' | 'pending_rpl_review') =>
    listPartnerCustomers(db, access, { ...parseCustomerListParams({ status }), scope: 'own' });

  const [o, failed, review, trials] = await Promise.all([
    // The layout counted the indirect providers for the nav: the same (memoised) count.
    getPartnerOverview(db, access, { subPartners: subPartnerCount(access) }),
    wholesale ? attention('error') : null,
    wholesale ? attention('pending_rpl_review') : null,
    canTrials ? listTrials({ db, access, clock: appDeps().clock }, { days: '30', page: 1 }) : null,
  ]);
  const customersHref = (status?: string, customer?: string) => {
    const q = new URLSearchParams();
    if (status) q.set('status', status);
    if (customer) q.set('customer', customer);
    return q.size ? `${base}/customers?${q}` : `${base}/customers`;
  };
  const tiles: ReactNode[] = [
    <Stat key="c" label="Customers" value={o.totalCustomers} href={`${base}/customers`} />,
    wholesale && <Stat key="s" label="Active seats" value={o.totalActiveSeats} />,
    wholesale && <Stat key="t" label="Onboarding templates" value={o.templates} href={`${base}/customers/templates`} />,
    o.subPartners > 0 && (
      <Stat
        key="i"
        label="Indirect providers"
        value={o.subPartners}
        href={decide(access, 'subPartners.access').allowed ? `${base}/indirect-providers` : undefined}
      />
    ),
    trials && <Stat key="x" label="Trials expiring in 7 days" value={trials.expiring} href={`${base}/trials?days=7`} />,
  ].filter(Boolean);

  return (
    <>
      <PageHeader title="Overview" description={`${access.org.name} at a glance.`} />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">{tiles}</div>

      {o.totalCustomers === 0 && (
        <div className="mt-6">
          <EmptyState title="No customers yet">
            {canCreate
              ? 'Create your first customer from an onboarding template.'
              : canStartTrial
                ? 'Start a trial to bring in your first customer.'
                : 'Customers your organisation creates appear here.'}
            {(canCreate || canStartTrial) && (
              <div className="mt-4">
                <Link href={canCreate ? `${base}/customers/new` : `${base}/customers/start-trial`} className={buttonClass('primary')}>
                  {canCreate ? 'Create customer' : 'Start trial'}
                </Link>
              </div>
            )}
          </EmptyState>
        </div>
      )}

      {(failed || review) && (
        <div className="mt-6 grid gap-6 lg:grid-cols-2">
          {failed && (
            <AttentionList
              title="Customers in Error"
              testId="attention-error"
              rows={failed.rows.slice(0, 5)}
              total={failed.total}
              href={(id) => customersHref('error', id)}
              action={canCreate ? 'Retry or delete' : 'View'}
              empty="No customer is in Error."
            />
          )}
          {review && (
            <AttentionList
              title="Pending compliance review"
              testId="attention-review"
              rows={review.rows.slice(0, 5)}
              total={review.total}
              href={(id) => customersHref('pending_rpl_review', id)}
              action={canCreate ? 'Review' : 'View'}
              empty="No customer is under compliance review. Reviews are re-checked every minute and suspended after 72 hours."
            />
          )}
        </div>
      )}

      {trials && (
        <div className="mt-6">
          <Card
            title="Trials expiring soon"
            actions={
              <Link href={`${base}/trials`} className="text-sm text-brand-700 underline">
                All trials
              </Link>
            }
          >
            {trials.rows.length === 0 ? (
              <div className="text-sm text-slate-600">
                <p>No trial ends in the next 30 days.</p>
                {canStartTrial && (
                  <Link href={`${base}/customers/start-trial`} className={`${buttonClass('primary')} mt-3`}>
                    Start trial
                  </Link>
                )}
              </div>
            ) : (
              <ul className="divide-y divide-slate-100" data-testid="trials-expiring-soon">
                {trials.rows.slice(0, 8).map((t) => (
                  <li key={t.trialId} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                    <span className="font-medium">{t.customerName}</span>
                    <span className="text-slate-600">
                      {t.daysLeft === null ? '' : t.daysLeft === 1 ? '1 day left' : `${t.daysLeft} days left`}
                      {t.endsAt && <> · ends {formatDate(new Date(t.endsAt))}</>}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
      )}

      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <Card title="Customers by status">
          {o.totalCustomers === 0 ? (
            <p className="text-sm text-slate-600">No customers yet.</p>
          ) : (
            <ul className="divide-y divide-slate-100" data-testid="customers-by-status">
              {CUSTOMER_STATUSES.filter((s) => o.customersByStatus[s]).map((s) => (
                <li key={s}>
                  <Link href={customersHref(s)} className="flex justify-between rounded py-2 text-sm hover:bg-slate-50">
                    <Badge tone={customerStatusTone(s)}>{CUSTOMER_STATUS_LABELS[s]}</Badge>
                    <span className="tabular-nums">{o.customersByStatus[s]}</span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </Card>
        {wholesale && (
          <Card title="Active seats by package">
            {o.totalActiveSeats === 0 ? (
              <p className="text-sm text-slate-600">No active seats.</p>
            ) : (
              <ul className="divide-y divide-slate-100" data-testid="seats-by-package">
                {PACKAGES.filter((p) => o.activeSeatsByPackage[p]).map((p) => (
                  <li key={p}>
                    {/* Opens the customers that have the package (the list's package filter). */}
                    <Link href={`${base}/customers?package=${p}`} className="flex justify-between rounded py-2 text-sm hover:bg-slate-50">
                      <span>{PACKAGE_INFO[p].name}</span>
                      <span className="tabular-nums">{o.activeSeatsByPackage[p]}</span>
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        )}
      </div>
    </>
  );
}
