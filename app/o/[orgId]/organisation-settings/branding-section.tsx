import { getDb } from '@/db/client';
import { BrandingEditor } from '@/components/branding/branding-editor';
import type { OrgAccess } from '@/lib/auth/access';
import { effectiveBranding, ownBranding } from '@/lib/branding/effective-branding';
import { editability } from '@/lib/customer-view/editability';
import { removeCustomerLogoAction, saveCustomerBrandingAction, uploadCustomerLogoAction } from './branding-actions';

/** Organisation settings → Branding: the customer's override of its partner's branding. */
export async function BrandingSection({ access }: { access: OrgAccess }) {
  const db = getDb();
  const [own, effective] = await Promise.all([ownBranding(db, access.org.id), effectiveBranding(db, access.org.id)]);
  const e = editability(access, 'cv.branding');
  return (
    <section aria-labelledby="branding-heading" className="grid gap-3">
      <h2 id="branding-heading" className="text-lg font-semibold">
        Branding
      </h2>
      <BrandingEditor
        orgId={access.org.id}
        initial={own}
        actions={{ save: saveCustomerBrandingAction, uploadLogo: uploadCustomerLogoAction, removeLogo: removeCustomerLogoAction }}
        readOnly={e.editable ? null : e.note}
        inheritedFrom={effective.sourceOrgId && effective.sourceOrgId !== access.org.id ? effective.sourceOrgName : null}
      />
    </section>
  );
}
