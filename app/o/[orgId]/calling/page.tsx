import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { getDb } from '@/db/client';
import { Card, Forbidden, PageHeader } from '@/components/ui/primitives';
import { editability, type Editability } from '@/lib/customer-view/editability';
import { getCustomerProfile } from '@/lib/customer-view/get-customer-profile';
import { gatePage } from '@/lib/server/session';

export const metadata: Metadata = { title: 'Calling' };

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 py-2.5 sm:grid-cols-3">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="text-sm sm:col-span-2">{children}</dd>
    </div>
  );
}

function Note({ e, id }: { e: Editability; id: string }) {
  return <p data-testid={`${id}-editability`} className={`mb-3 text-sm ${e.editable ? 'text-slate-600' : 'text-amber-800'}`}>{e.note}</p>;
}

/** Stored calling values are free-form JSON; show scalar ones as "key: value". */
function scalarEntries(obj: Record<string, unknown>): [string, string][] {
  return Object.entries(obj)
    .filter((e): e is [string, string | number | boolean] => ['string', 'number', 'boolean'].includes(typeof e[1]))
    .map(([k, v]) => [k.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase()), typeof v === 'boolean' ? (v ? 'On' : 'Off') : String(v)]);
}

export default async function CallingPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const gate = await gatePage(orgId, 'cv.read', 'customer');
  if (gate.denied) return <Forbidden message={gate.denied} />;
  const p = await getCustomerProfile(getDb(), gate.access);
  const callPriority = editability(gate.access, 'cv.calling.callPriority');
  const behaviour = editability(gate.access, 'cv.calling.behaviour');
  const pstn = editability(gate.access, 'cv.locations.pstn');
  const calling = p.settings?.calling ?? {};
  const callPriorityValue = typeof calling.callPriority === 'string' ? calling.callPriority : null;
  const behaviourEntries = scalarEntries(Object.fromEntries(Object.entries(calling).filter(([k]) => k !== 'callPriority')));
  const none = <span className="text-slate-400">Not set</span>;
  // Under RBPM a customer admin does not see the location PSTN settings at all (SPEC §5.2).
  const showPstn = !(pstn.reason && gate.access.relation === 'own' && gate.access.customer?.rbpm);

  return (
    <>
      <PageHeader title="Calling" description="Calling and meetings settings of the organisation." />
      <div className="grid gap-6">
        <Card title="Service addresses">
          <p className="mb-3 text-sm text-slate-600">Set when the organisation was provisioned.</p>
          <dl className="divide-y divide-slate-100">
            <Row label="SIP domain">{p.customer?.sipDomain ? <span className="font-mono text-xs">{p.customer.sipDomain}</span> : none}</Row>
            <Row label="Meetings site URL">{p.customer?.meetingsSiteUrl ? <span className="font-mono text-xs">{p.customer.meetingsSiteUrl}</span> : none}</Row>
            <Row label="Meetings dial-in code">{p.customer?.meetingsDialInCode ?? none}</Row>
            {p.customer?.meetingsLanguage && <Row label="Meetings language">{p.customer.meetingsLanguage}</Row>}
          </dl>
        </Card>
        <Card title="Call settings">
          <Note e={callPriority} id="call-priority" />
          <dl className="divide-y divide-slate-100">
            <Row label="App options: call priority">{callPriorityValue ?? 'Default'}</Row>
          </dl>
        </Card>
        <Card title="Calling behaviour">
          <Note e={behaviour} id="calling-behaviour" />
          {behaviourEntries.length ? (
            <dl className="divide-y divide-slate-100">
              {behaviourEntries.map(([k, v]) => <Row key={k} label={k}>{v}</Row>)}
            </dl>
          ) : (
            <p className="text-sm">Default calling behaviour (nothing changed).</p>
          )}
        </Card>
        {showPstn && (
          <Card title="Location PSTN">
            <Note e={pstn} id="pstn" />
            <dl className="divide-y divide-slate-100">
              <Row label="PSTN provider">{p.customer?.pstnProviderName ?? none}</Row>
            </dl>
          </Card>
        )}
      </div>
    </>
  );
}
