import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/client';
import type { OrgAccess } from '@/lib/auth/access';
import { customerStatusTone } from '@/components/customers/status-tone';
import { Badge, Card, Forbidden, PageHeader, Stat } from '@/components/ui/primitives';
import { customerNextSteps, rbpmRestrictions } from '@/lib/customer-view/customer-home-steps';
import { getCustomerHome } from '@/lib/customer-view/get-customer-home';
import { CUSTOMER_STATUS_LABELS } from '@/lib/domain/statuses';
import { gatePage } from '@/lib/server/session';

export const metadata: Metadata = { title: 'Home' };

/**
 * The customer view's landing page (issue 17.8): who manages the org, whether Restricted
 * by Partner Mode is on and what it takes away, and what the viewer can do next.
 */
export default async function CustomerHomePage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const gate = await gatePage(orgId, 'cv.read', 'customer');
  if (gate.denied) return <Forbidden message={gate.denied} next={gate.next} />;
  const { access } = gate;
  const home = await getCustomerHome(getDb(), access);
  const { profile, managedBy, counts } = home;
  const customer = profile.customer;
  const partner = managedBy?.name ?? 'your partner';
  const steps = customerNextSteps(access, home);
  const base = `/o/${access.org.id}`;

  return (
    <>
      <PageHeader title="Home" description={`${access.org.name} in Control Hub.`} />
      <div className="mb-6 grid gap-4 sm:grid-cols-3">
        <Stat label="Users" value={counts.users} href={`${base}/users`} />
        <Stat label="Workspaces" value={counts.workspaces} href={`${base}/workspaces`} />
        <Stat label="Locations" value={counts.locations} href={`${base}/locations`} />
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="What you can do next">
          <div data-testid="next-steps">
            {steps.length ? (
              <ul className="grid gap-3">
                {steps.map((s) => (
                  <li key={s.label}>
                    <Link href={s.href} className="font-medium text-brand-700 underline">
                      {s.label}
                    </Link>
                    <p className="text-sm text-slate-600">{s.detail}</p>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-sm text-slate-700">
                {customer?.rbpm
                  ? `Nothing is waiting for you. For a restricted setting, contact ${partner}.`
                  : 'Nothing is waiting for you.'}
              </p>
            )}
          </div>
        </Card>
        <Card title="Managed by">
          <div data-testid="managed-by" className="grid gap-2 text-sm">
            {managedBy ? (
              <>
                <p>
                  <strong>{managedBy.name}</strong>
                  {managedBy.parentName && <>, an indirect provider of {managedBy.parentName},</>} manages the Webex services of{' '}
                  {access.org.name}: its packages, billing and, under Restricted by Partner Mode, the settings below.
                </p>
                {customer && (
                  <p>
                    Services: <Badge tone={customerStatusTone(customer.status)}>{CUSTOMER_STATUS_LABELS[customer.status]}</Badge>
                  </p>
                )}
              </>
            ) : (
              <p>No partner manages this organisation: its administrators manage everything here.</p>
            )}
          </div>
        </Card>
        <div className="lg:col-span-2">
          <Card title="Restricted by Partner Mode">
            <RbpmSection access={access} partner={partner} customer={customer} />
          </Card>
        </div>
      </div>
    </>
  );
}

function RbpmSection({
  access,
  partner,
  customer,
}: {
  access: OrgAccess;
  partner: string;
  customer: { rbpm: boolean; attached: boolean } | null;
}) {
  if (!customer)
    return (
      <p className="text-sm text-slate-700" data-testid="rbpm-state">
        Not available: no partner manages this organisation.
      </p>
    );
  if (customer.attached)
    return (
      <p className="text-sm text-slate-700" data-testid="rbpm-state">
        Off, and not available: {partner} attached its services to this existing organisation through its API.
      </p>
    );
  const you = access.relation === 'own' ? 'you' : 'customer administrators';
  return (
    <div className="grid gap-3 text-sm">
      <p data-testid="rbpm-state">
        <Badge tone={customer.rbpm ? 'amber' : 'green'}>{customer.rbpm ? 'On' : 'Off'}</Badge>{' '}
        {customer.rbpm
          ? `${partner} has turned it on: these settings are read only for ${you}. Ask ${partner} to change one, or to turn the mode off.`
          : `${partner} has turned it off: ${you} manage these settings. If it is turned on, they become read only.`}
      </p>
      <ul className="grid gap-1" data-testid="rbpm-restrictions">
        {rbpmRestrictions().map((r) => (
          <li key={r.section}>
            <strong>{r.section}:</strong> {r.items.join(', ')}
          </li>
        ))}
      </ul>
      <p className="text-slate-600">
        First and last names, display names and e-mail addresses of users always stay editable
        {access.org.wholesale
          ? '. Managed by your partner in any case: app call priority, the calling setup and PSTN of a location after its creation, and phone numbers.'
          : '.'}
      </p>
    </div>
  );
}
