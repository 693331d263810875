import type { OrgAccess } from '@/lib/auth/access';
import { BackToListLink } from './back-to-list-link';

/** Shown whenever the actor works in another org's view (SPEC §5.2, §6.2). */
export function CrossLaunchBanner({ access }: { access: OrgAccess }) {
  if (!access.actingPartner || access.relation === 'own') return null;
  const partner = access.actingPartner;
  const text =
    access.relation === 'sub_partner'
      ? `Viewing ${access.org.name} as ${partner.name} administrator`
      : `You are managing ${access.org.name} for ${partner.name}`;
  const back = access.relation === 'sub_partner' ? `/o/${partner.id}/indirect-providers` : `/o/${partner.id}/customers`;
  return (
    <div
      role="region"
      aria-label="Cross-launch"
      data-testid="cross-launch-banner"
      // In dark the palette would turn this band light: kept a dark blue with light text there.
      className="flex flex-wrap items-center justify-between gap-2 bg-brand-900 px-4 py-2 text-sm text-white dark:bg-brand-100 dark:text-slate-900"
    >
      <span>{text}</span>
      <BackToListLink
        href={back}
        className="rounded border border-white/40 px-2 py-0.5 hover:bg-white/10 dark:border-slate-900/40 dark:hover:bg-slate-900/10"
      >
        Back to {partner.name}
      </BackToListLink>
    </div>
  );
}
