import type { OrgAccess } from '@/lib/auth/access';
import { CUSTOMER_PERMISSIONS, type CustomerCapability } from '@/lib/auth/permissions';
import { can } from '@/lib/auth/policy';
import type { CustomerHome } from './get-customer-home';

/** The capabilities Restricted by Partner Mode takes away, read from the policy table. */
type RbpmCapability = {
  [K in CustomerCapability]: (typeof CUSTOMER_PERMISSIONS)[K] extends { rbpm: true } ? K : never;
}[CustomerCapability];

/** Each RBPM restriction in a customer admin's words (a new restricted capability fails the type check until it has one). */
const RBPM_LABELS: Record<RbpmCapability, { section: string; what: string }> = {
  'cv.users.manage': { section: 'Users', what: "adding users and changing users' packages and services" },
  'cv.users.primaryNumber': { section: 'Users', what: "a user's primary work number" },
  'cv.account.edit': { section: 'Account', what: 'the company name' },
  'cv.orgSettings.domain': { section: 'Organisation settings', what: 'the domain' },
  'cv.orgSettings.email': { section: 'Organisation settings', what: 'e-mail settings' },
  'cv.orgSettings.sso': { section: 'Organisation settings', what: 'authentication and single sign-on' },
  'cv.branding': { section: 'Organisation settings', what: 'branding' },
  'cv.calling.behaviour': { section: 'Calling', what: 'calling behaviour' },
  'cv.calling.callPriority': { section: 'Calling', what: 'app call priority' },
  'cv.locations.pstn': { section: 'Locations', what: "a location's PSTN connection" },
  'cv.services.manage': { section: 'Services', what: 'migrations and connected UC' },
};

const isRbpm = (c: CustomerCapability): c is RbpmCapability => 'rbpm' in CUSTOMER_PERMISSIONS[c];

/** What RBPM restricts, grouped by section in navigation order. */
export function rbpmRestrictions(): { section: string; items: string[] }[] {
  const groups = new Map<string, string[]>();
  for (const c of (Object.keys(CUSTOMER_PERMISSIONS) as CustomerCapability[]).filter(isRbpm)) {
    const { section, what } = RBPM_LABELS[c];
    groups.set(section, [...(groups.get(section) ?? []), what]);
  }
  const order = ['Users', 'Locations', 'Account', 'Organisation settings', 'Calling', 'Services'];
  return [...groups].map(([section, items]) => ({ section, items })).sort((a, b) => order.indexOf(a.section) - order.indexOf(b.section));
}

export interface NextStep {
  label: string;
  href: string;
  /** One line on why or what it leads to. */
  detail: string;
}

/** What the viewer can act on now, each decided by the same policy the actions enforce. */
export function customerNextSteps(access: OrgAccess, home: CustomerHome): NextStep[] {
  const base = `/o/${access.org.id}`;
  const steps: NextStep[] = [];
  const { pending, counts, profile } = home;
  if (pending.trialRequests > 0)
    steps.push({
      label: `Answer ${pending.trialRequests === 1 ? 'a trial request' : `${pending.trialRequests} trial requests`}`,
      href: `${base}/trial-requests`,
      detail: 'A partner asks to start a Webex trial for your organisation.',
    });
  if (pending.partnerRequests > 0)
    steps.push({
      label: `Review ${pending.partnerRequests === 1 ? 'a partner request' : `${pending.partnerRequests} partner requests`}`,
      href: `${base}/partner-requests`,
      detail: 'A partner asks to manage your Webex services.',
    });
  if (can(access, 'cv.users.manage'))
    steps.push({
      label: counts.users === 0 ? 'Add your first users' : 'Add users',
      href: `${base}/users`,
      detail: 'Up to 25 at a time, each with a package and a location.',
    });
  else if (can(access, 'cv.users.editNames'))
    steps.push({
      label: "Edit users' names and e-mail addresses",
      href: `${base}/users`,
      detail: `${counts.users} ${counts.users === 1 ? 'user' : 'users'}; names stay yours to edit.`,
    });
  if (can(access, 'cv.locations.manage'))
    steps.push({ label: 'Add a location', href: `${base}/locations`, detail: `${counts.locations} so far; each site with its address.` });
  if (can(access, 'cv.orgSettings.domain') && !profile.settings?.domain)
    steps.push({
      label: 'Add your domain',
      href: `${base}/organisation-settings`,
      detail: 'So users sign in with your company addresses.',
    });
  if (can(access, 'cv.account.edit'))
    steps.push({ label: 'Check the company name', href: `${base}/account`, detail: `Shown to your users as ${profile.name}.` });
  return steps;
}
