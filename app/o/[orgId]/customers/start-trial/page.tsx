import type { Metadata } from 'next';
import Link from 'next/link';
import { Forbidden, PageHeader } from '@/components/ui/primitives';
import { gatePage } from '@/lib/server/session';
import { StartTrialForm } from './start-trial-form';

export const metadata: Metadata = { title: 'Start trial' };

export default async function StartTrialPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const gate = await gatePage(orgId, 'trials.manage', 'partner');
  if (gate.denied) return <Forbidden message={gate.denied} next={gate.next} />;
  return (
    <>
      <PageHeader
        title="Start trial"
        description={
          <>
            A Webex trial for a new or existing customer of {gate.access.org.name}.{' '}
            <Link href={`/o/${gate.access.org.id}/customers`} className="text-brand-700 underline">
              Back to customers
            </Link>
          </>
        }
      />
      <StartTrialForm orgId={gate.access.org.id} />
    </>
  );
}
