import type { OrgAccess } from '@/lib/auth/access';
import { decide } from '@/lib/auth/policy';

export interface NavItem {
  label: string;
  href: string;
}

/** Partner Hub navigation (SPEC §6.1: Indirect providers only for full + wholesale admins with sub-partners). */
export function partnerNav(access: OrgAccess, hasSubPartners: boolean): NavItem[] {
  const base = `/o/${access.org.id}`;
  const allowed = (c: Parameters<typeof decide>[1]) => decide(access, c).allowed;
  const crossLaunched = access.relation === 'sub_partner';
  const items: NavItem[] = [
    { label: 'Overview', href: `${base}/overview` },
    { label: 'Customers', href: `${base}/customers` },
  ];
  if (hasSubPartners && allowed('subPartners.access')) items.push({ label: 'Indirect providers', href: `${base}/indirect-providers` });
  // Cross-launched, Billing stays visible and says it is not available there.
  if (allowed('billing.reports.read') || crossLaunched) items.push({ label: 'Billing', href: `${base}/billing` });
  // Trials (SPEC §9): sales roles of non-wholesale partners; cross-launched it says it is not available.
  if (allowed('trials.read') || (crossLaunched && !access.partnerWholesale)) items.push({ label: 'Trials', href: `${base}/trials` });
  // Analytics (issue 15): shown cross-launched too, where it says it is not available (SPEC §6.2).
  const analytics = decide(access, 'analytics.read');
  if (analytics.allowed || analytics.reason === 'not_available_cross_launched') {
    items.push({ label: 'Analytics', href: `${base}/analytics` });
  }
  if (allowed('activity.read')) items.push({ label: 'Activity', href: `${base}/activity` });
  items.push({ label: 'Settings', href: `${base}/settings` });
  return items;
}

export const CUSTOMER_VIEW_SECTIONS = [
  // Where customer admins land (issue 17.8): RBPM, who manages them, what to do next.
  { label: 'Home', slug: 'home' },
  { label: 'Users', slug: 'users' },
  { label: 'Workspaces', slug: 'workspaces' },
  { label: 'Locations', slug: 'locations' },
  { label: 'Account', slug: 'account' },
  { label: 'Organisation settings', slug: 'organisation-settings' },
  { label: 'Calling', slug: 'calling' },
  { label: 'Services', slug: 'services' },
] as const;

export function customerNav(access: OrgAccess): NavItem[] {
  return CUSTOMER_VIEW_SECTIONS.map((s) => ({ label: s.label, href: `/o/${access.org.id}/${s.slug}` }));
}

/**
 * Every page the command bar can jump to in this org: the navigation, plus the pages one
 * level below it that the actor's capabilities open (the same capability each page's
 * gatePage checks, so the bar never offers a page that answers "no permission").
 */
export function orgPages(access: OrgAccess, hasSubPartners: boolean): NavItem[] {
  if (access.org.kind === 'customer') return customerNav(access);
  const base = `/o/${access.org.id}`;
  const allowed = (c: Parameters<typeof decide>[1]) => decide(access, c).allowed;
  const extra: [Parameters<typeof decide>[1], NavItem][] = [
    ['templates.read', { label: 'Onboarding templates', href: `${base}/customers/templates` }],
    ['customers.write', { label: 'Create customer', href: `${base}/customers/new` }],
    ['templates.write', { label: 'Create template', href: `${base}/customers/templates/new` }],
    ['trials.manage', { label: 'Start trial', href: `${base}/customers/start-trial` }],
    ['subPartners.manage', { label: 'Set up indirect provider', href: `${base}/indirect-providers/new` }],
    ['org.read', { label: 'Administrators', href: `${base}/settings/administrators` }],
    ['org.read', { label: 'Branding', href: `${base}/settings/branding` }],
    ['apiTokens.manage', { label: 'API tokens', href: `${base}/settings/api-tokens` }],
    ['webhooks.manage', { label: 'Webhooks', href: `${base}/settings/webhooks` }],
  ];
  return [...partnerNav(access, hasSubPartners), ...extra.filter(([c]) => allowed(c)).map(([, item]) => item)];
}
