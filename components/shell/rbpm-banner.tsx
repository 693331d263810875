import type { OrgAccess } from '@/lib/auth/access';

/** Under the header for customer admins while Restricted by Partner Mode is on (SPEC §5.2). */
export function RbpmBanner({ access }: { access: OrgAccess }) {
  if (access.relation !== 'own' || !access.customer?.rbpm) return null;
  return (
    <div
      role="note"
      data-testid="rbpm-banner"
      className="border-b border-amber-200 bg-amber-50 px-4 py-2 text-center text-sm text-amber-900"
    >
      Your partner has restricted some settings. Contact your partner to change users&apos; services, company details or calling setup.
    </div>
  );
}
