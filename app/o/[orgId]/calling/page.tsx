import type { Metadata } from 'next';
import { getDb } from '@/db/client';
import { DescriptionList, DescriptionRow } from '@/components/ui/description-list';
import { EditabilityNote } from '@/components/customer-view/editability-note';
import { Card, Forbidden, PageHeader } from '@/components/ui/primitives';
import { editability } from '@/lib/customer-view/editability';
import { getCustomerProfile } from '@/lib/customer-view/get-customer-profile';
import { gatePage } from '@/lib/server/session';

export const metadata: Metadata = { title: 'Calling' };

/** Stored calling values are free-form JSON; show scalar ones as "key: value". */
function scalarEntries(obj: Record<string, unknown>): [string, string][] {
  return Object.entries(obj)
    .filter((e): e is [string, string | number | boolean] => ['string', 'number', 'boolean'].includes(typeof e[1]))
    .map(([k, v]) => [
      k
        .replace(/([a-z])([A-Z])/g, '$1 $2')
        .replace(/_/g, ' ')
        .replace(/^./, (c) => c.toUpperCase()),
      typeof v === 'boolean' ? (v ? 'On' : 'Off') : String(v),
    ]);
}

export default async function CallingPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const gate = await gatePage(orgId, 'cv.read', 'customer');
  if (gate.denied) return <Forbidden message={gate.denied} next={gate.next} />;
  const p = await getCustomerProfile(getDb(), gate.access);
  const callPriority = editability(gate.access, 'cv.calling.callPriority');
  const behaviour = editability(gate.access, 'cv.calling.behaviour');
  const pstn = editability(gate.access, 'cv.locations.pstn');
  const calling = p.settings?.calling ?? {};
  const callPriorityValue = typeof calling.callPriority === 'string' ? calling.callPriority : null;
  const behaviourEntries = scalarEntries(Object.fromEntries(Object.entries(calling).filter(([k]) => k !== 'callPriority')));
  const none = <span className="text-slate-500">Not set</span>;
  // Under RBPM a customer admin does not see the location PSTN settings at all (SPEC §5.2).
  const showPstn = !(pstn.reason && gate.access.relation === 'own' && gate.access.customer?.rbpm);

  return (
    <>
      <PageHeader title="Calling" description="Calling and meetings settings of the organisation." />
      <div className="grid gap-6">
        <Card title="Service addresses">
          <p className="mb-3 text-sm text-slate-600">Set when the organisation was provisioned.</p>
          <DescriptionList>
            <DescriptionRow label="SIP domain">
              {p.customer?.sipDomain ? <span className="font-mono text-xs">{p.customer.sipDomain}</span> : none}
            </DescriptionRow>
            <DescriptionRow label="Meetings site URL">
              {p.customer?.meetingsSiteUrl ? <span className="font-mono text-xs">{p.customer.meetingsSiteUrl}</span> : none}
            </DescriptionRow>
            <DescriptionRow label="Meetings dial-in code">{p.customer?.meetingsDialInCode ?? none}</DescriptionRow>
            {p.customer?.meetingsLanguage && <DescriptionRow label="Meetings language">{p.customer.meetingsLanguage}</DescriptionRow>}
          </DescriptionList>
        </Card>
        <Card title="Call settings">
          <EditabilityNote editability={callPriority} id="call-priority" />
          <DescriptionList>
            <DescriptionRow label="App options: call priority">{callPriorityValue ?? 'Default'}</DescriptionRow>
          </DescriptionList>
        </Card>
        <Card title="Calling behaviour">
          <EditabilityNote editability={behaviour} id="calling-behaviour" />
          {behaviourEntries.length ? (
            <DescriptionList>
              {behaviourEntries.map(([k, v]) => (
                <DescriptionRow key={k} label={k}>
                  {v}
                </DescriptionRow>
              ))}
            </DescriptionList>
          ) : (
            <p className="text-sm">Default calling behaviour (nothing changed).</p>
          )}
        </Card>
        {showPstn && (
          <Card title="Location PSTN">
            <EditabilityNote editability={pstn} id="pstn" />
            <DescriptionList>
              <DescriptionRow label="PSTN provider">{p.customer?.pstnProviderName ?? none}</DescriptionRow>
            </DescriptionList>
          </Card>
        )}
      </div>
    </>
  );
}
