import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/client';
import { BrandingEditor } from '@/components/branding/branding-editor';
import { Forbidden, PageHeader } from '@/components/ui/primitives';
import { decide, DENIAL_MESSAGES } from '@/lib/auth/policy';
import { effectiveBranding, ownBranding } from '@/lib/branding/effective-branding';
import { gatePage } from '@/lib/server/session';
import { removeLogoAction, saveBrandingAction, uploadLogoAction } from './actions';

export const metadata: Metadata = { title: 'Branding' };

export default async function BrandingPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const gate = await gatePage(orgId, 'org.read', 'partner');
  if (gate.denied) return <Forbidden message={gate.denied} next={gate.next} />;
  const d = decide(gate.access, 'branding.manage');
  const db = getDb();
  const [own, effective] = await Promise.all([ownBranding(db, orgId), effectiveBranding(db, orgId)]);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/o/${orgId}/settings`} className="text-brand-700 underline">
          Settings
        </Link>
      </p>
      <PageHeader
        title="Branding"
        description={`Applied to ${gate.access.org.name}'s customers' views and to the e-mails sent on its behalf.`}
      />
      <BrandingEditor
        orgId={orgId}
        initial={own}
        actions={{ save: saveBrandingAction, uploadLogo: uploadLogoAction, removeLogo: removeLogoAction }}
        readOnly={d.allowed ? null : DENIAL_MESSAGES[d.reason]}
        inheritedFrom={effective.sourceOrgId && effective.sourceOrgId !== orgId ? effective.sourceOrgName : null}
      />
    </>
  );
}
