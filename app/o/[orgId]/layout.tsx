import type { ReactNode } from 'react';
import { getDb } from '@/db/client';
import { AppShell } from '@/components/shell/app-shell';
import { customerNav, partnerNav } from '@/components/shell/nav';
import { RbpmBanner } from '@/components/shell/rbpm-banner';
import { orgAccess, subPartnerCount } from '@/lib/server/session';
import { effectiveBranding } from '@/lib/branding/effective-branding';

export default async function OrgLayout({ children, params }: { children: ReactNode; params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const access = await orgAccess(orgId);
  if (access.org.kind === 'customer') {
    const branding = await effectiveBranding(getDb(), access.org.id);
    return (
      <AppShell access={access} nav={customerNav(access)} branding={branding} notice={<RbpmBanner access={access} />}>
        {children}
      </AppShell>
    );
  }
  const n = await subPartnerCount(access);
  return (
    <AppShell access={access} nav={partnerNav(access, n > 0)}>
      {children}
    </AppShell>
  );
}
