// The builder: holds the rows, the PRNG and the lookups while the demo data is assembled.
// The customer-side groups of work live in helper modules it calls: wholesale.ts (and its
// subscribers.ts, the billing ledger) and trials.ts; they use the builder through BuildContext.
import { DEMO_ACCOUNTS, DEMO_ORG_IDS } from '@/lib/demo/accounts';
import { normalizeCompanyName } from '@/lib/domain/company-name';
import { PACKAGES } from '@/lib/domain/packages';
import type { CustomerRole, PartnerRole } from '@/lib/domain/roles';
import {
  type City,
  countryData,
  FIRST_NAMES,
  LAST_NAMES,
  PARTNER_ADMINS,
  PARTNERS,
  type PartnerKey,
  type PartnerSpec,
  PSTN_PROVIDERS,
  RESTRICTED_PARTY_NAMES,
  SUBSCRIPTION_ID,
  TEMPLATES,
  type TemplateSpec,
  type WholesaleKey,
} from './catalog';
import type { AdminPerson, CustomerSpec } from './catalog-customers';
import { emailLocalPart, slugify } from './helpers';
import { Rng } from './random';
import { emptyRows } from './rows';
import { DAY, HOUR, isoDate, toDate } from './time';
import type { Timeline } from './timeline';
import { trialCustomers } from './trials';
import { wholesaleCustomers } from './wholesale';

export interface TemplateRef {
  id: string;
  spec: TemplateSpec;
}
export interface PartnerRef {
  spec: PartnerSpec;
  orgId: string;
  /** The partner's seeded administrators, first the full administrator every partner has. */
  adminIds: [string, ...string[]];
  templates: TemplateRef[];
}
export interface LocationRef {
  id: string;
  country: string;
  extensions: number;
}
export interface BuiltCustomer {
  customerId: string;
  orgId: string;
  name: string;
  slug: string;
  adminEmail: string;
  timeline: Timeline;
}
export interface CustomerOrgRef extends BuiltCustomer {
  admin: AdminPerson;
  hq: LocationRef;
  branch: LocationRef | null;
}

/** What the helper modules (wholesale, subscribers, trials) use of the builder. */
export type BuildContext = Pick<
  DemoBuilder,
  'rows' | 'rng' | 'now' | 'partner' | 'addUser' | 'grant' | 'person' | 'customerOrg' | 'relate' | 'nextPhoneNumber' | 'audit'
>;

export class DemoBuilder {
  readonly rows = emptyRows();
  readonly rng: Rng;
  readonly now: number;
  private readonly emails = new Set<string>();
  private readonly userIdByEmail = new Map<string, string>();
  private readonly partners = new Map<PartnerKey, PartnerRef>();
  private phoneCounter = 0;

  constructor(
    now: Date,
    private readonly passwordHash: string,
  ) {
    this.now = Math.floor(now.getTime() / 1000) * 1000;
    this.rng = new Rng(0x5eed_2024);
  }

  partner(key: PartnerKey): PartnerRef {
    const ref = this.partners.get(key);
    if (!ref) throw new Error(`partner ${key} not built yet`);
    return ref;
  }

  userId(email: string): string {
    const id = this.userIdByEmail.get(email.toLowerCase());
    if (!id) throw new Error(`no seeded user ${email}`);
    return id;
  }

  // -- reference data ---------------------------------------------------------------

  referenceData(): void {
    this.rows.pstnProviders.push(...PSTN_PROVIDERS);
    for (const name of RESTRICTED_PARTY_NAMES) {
      this.rows.restrictedParties.push({ id: this.rng.uuid(), name, normalizedName: normalizeCompanyName(name) });
    }
  }

  // -- people -----------------------------------------------------------------------

  /** A users row; demo accounts get the shared password hash, everyone else none. */
  addUser(orgId: string, person: AdminPerson, createdAt: number): string {
    const id = this.rng.uuid();
    const key = person.email.toLowerCase();
    if (this.emails.has(key)) throw new Error(`duplicate seeded e-mail ${person.email}`);
    this.emails.add(key);
    this.userIdByEmail.set(key, id);
    const isDemo = DEMO_ACCOUNTS.some((a) => a.email === key);
    this.rows.users.push({
      id,
      orgId,
      email: person.email,
      firstName: person.firstName,
      lastName: person.lastName,
      displayName: `${person.firstName} ${person.lastName}`,
      passwordHash: isDemo ? this.passwordHash : null,
      createdAt: toDate(createdAt),
      updatedAt: toDate(createdAt),
    });
    return id;
  }

  grant(userId: string, orgId: string, roles: (PartnerRole | CustomerRole)[], at: number): void {
    for (const role of roles) this.rows.roleGrants.push({ userId, orgId, role, createdAt: toDate(at) });
  }

  /** A made-up person with an e-mail unique platform-wide (firstname.lastname@domain). */
  person(domain: string): AdminPerson {
    const firstName = this.rng.pick(FIRST_NAMES);
    const lastName = this.rng.pick(LAST_NAMES);
    const local = `${emailLocalPart(firstName)}.${emailLocalPart(lastName)}`;
    let email = `${local}@${domain}`;
    for (let n = 2; this.emails.has(email); n++) email = `${local}${n}@${domain}`;
    return { email, firstName, lastName };
  }

  // -- partners ---------------------------------------------------------------------

  partnersAndAdmins(): void {
    for (const spec of PARTNERS) {
      const orgId = DEMO_ORG_IDS[spec.key];
      const parentPartnerId = spec.kind === 'sub_partner' ? DEMO_ORG_IDS.northwind : null;
      const createdAt = this.now - spec.createdDaysAgo * DAY;
      this.rows.orgs.push({
        id: orgId,
        kind: spec.kind,
        name: spec.name,
        parentPartnerId,
        wholesale: spec.wholesale,
        state: 'active',
        tier: spec.tier ?? '1',
        country: spec.country,
        language: spec.language,
        billingStartDate: spec.kind === 'sub_partner' ? isoDate(createdAt + 14 * DAY) : null,
        createdAt: toDate(createdAt),
        updatedAt: toDate(createdAt),
      });
      if (parentPartnerId)
        this.rows.orgRelations.push({ managerOrgId: parentPartnerId, managedOrgId: orgId, createdAt: toDate(createdAt) });
      const [firstAdmin, ...otherAdmins] = PARTNER_ADMINS.filter((a) => a.partner === spec.key).map((a) => {
        const id = this.addUser(orgId, a, createdAt + HOUR);
        this.grant(id, orgId, a.roles, createdAt + HOUR);
        return id;
      });
      if (!firstAdmin) throw new Error(`The seed has no administrator for partner ${spec.key}.`);
      this.partners.set(spec.key, { spec, orgId, adminIds: [firstAdmin, ...otherAdmins], templates: [] });
    }
  }

  subscriptionsAndTemplates(): void {
    const northwind = this.partner('northwind');
    const subCreated = this.now - 700 * DAY;
    this.rows.subscriptions.push({
      id: SUBSCRIPTION_ID,
      partnerOrgId: northwind.orgId,
      packages: [...PACKAGES],
      createdAt: toDate(subCreated),
    });
    for (const key of ['fabrikam', 'tailspin'] as const) {
      this.rows.subPartnerSubscriptions.push({ subPartnerOrgId: this.partner(key).orgId, subscriptionId: SUBSCRIPTION_ID });
    }
    TEMPLATES.forEach((spec, i) => {
      const owner = this.partner(spec.partner);
      const id = this.rng.uuid();
      const createdAt = this.now - (370 - i) * DAY;
      this.rows.templates.push({
        id,
        orgId: owner.orgId,
        name: spec.name,
        country: spec.country,
        serviceProviderAdminId: owner.adminIds[0],
        subscriptionId: SUBSCRIPTION_ID,
        authMode: spec.authMode,
        idpEntityId: spec.idpEntityId ?? null,
        pstnProviderId: spec.pstnProviderId,
        allowAdminInviteEmails: i % 3 === 0,
        brandName: spec.brandName,
        defaultLanguage: spec.language,
        provisioningId: this.rng.hex(24),
        createdBy: owner.adminIds[0],
        createdAt: toDate(createdAt),
        updatedAt: toDate(createdAt),
      });
      owner.templates.push({ id, spec });
      this.audit(
        owner.orgId,
        owner.adminIds[0],
        owner.orgId,
        createdAt,
        'template.create',
        'template',
        id,
        `Created onboarding template "${spec.name}"`,
      );
    });
  }

  // -- customers ----------------------------------------------------------------------

  wholesaleCustomers(ownerKey: WholesaleKey, specs: CustomerSpec[]): void {
    wholesaleCustomers(this, ownerKey, specs);
  }

  trialCustomers(): void {
    trialCustomers(this);
  }

  /** The customer org, its HQ location and its admin's address; shared by wholesale and trial customers. */
  customerOrg(
    spec: { name: string; country: string; orgId?: string; admin?: AdminPerson; branch?: string; wholesale: boolean },
    timeline: Timeline,
  ): CustomerOrgRef {
    const orgId = spec.orgId ?? this.rng.uuid();
    const slug = slugify(spec.name);
    const country = countryData(spec.country);
    this.rows.orgs.push({
      // Customers provisioned through wholesale are wholesale orgs (SPEC §5.2's always-read-only items).
      id: orgId,
      kind: 'customer',
      name: spec.name,
      country: spec.country,
      language: country.language,
      wholesale: spec.wholesale,
      createdAt: toDate(timeline.createdAt),
      updatedAt: toDate(timeline.statusChangedAt),
    });
    const city = this.rng.pick(country.cities);
    const hq = this.location(orgId, 'Headquarters', true, spec.country, city, timeline.createdAt);
    const branch = spec.branch ? this.location(orgId, spec.branch, false, spec.country, city, timeline.readyAt + 30 * DAY) : null;
    // Only a provisioned customer gets the admin's users row; the address is known from creation.
    const admin = spec.admin ?? this.person(`${slug}.test`);
    return { customerId: this.rng.uuid(), orgId, name: spec.name, slug, adminEmail: admin.email, admin, timeline, hq, branch };
  }

  private location(orgId: string, name: string, isHeadquarters: boolean, countryCode: string, city: City, createdAt: number): LocationRef {
    const country = countryData(countryCode);
    const street = this.rng.pick(country.streets);
    const number = this.rng.int(1, 240);
    const id = this.rng.uuid();
    this.rows.locations.push({
      id,
      orgId,
      name,
      isHeadquarters,
      addressLine1: country.numberFirst ? `${number} ${street}` : `${street} ${number}`,
      addressLine2: this.rng.chance(0.3) ? `Suite ${this.rng.int(100, 900)}` : null,
      city: city.city,
      stateOrProvince: city.state,
      postalCode: city.postal,
      country: countryCode,
      timeZone: city.timeZone,
      language: country.language,
      createdAt: toDate(createdAt),
    });
    // Extension plans differ per site: some 3-digit, some 4-digit.
    return { id, country: countryCode, extensions: this.rng.pick([100, 200, 1000, 2000, 5000]) };
  }

  relate(managerOrgId: string, managedOrgId: string, at: number): void {
    this.rows.orgRelations.push({ managerOrgId, managedOrgId, createdAt: toDate(at) });
  }

  /** A global counter behind per-country prefixes keeps numbers unique platform-wide. */
  nextPhoneNumber(location: LocationRef): string {
    this.phoneCounter++;
    return `${countryData(location.country).phonePrefix}${String(this.phoneCounter).padStart(6, '0')}`;
  }

  // -- platform rows ------------------------------------------------------------------

  /** Sub-partner setup as the parent would have done it (SPEC §6.4): audit entry and invitation. */
  subPartnerSetupTrail(): void {
    const northwind = this.partner('northwind');
    for (const key of ['fabrikam', 'tailspin'] as const) {
      const sub = this.partner(key);
      const at = this.now - sub.spec.createdDaysAgo * DAY;
      const admin = PARTNER_ADMINS.find((a) => a.partner === key);
      if (!admin) throw new Error(`no admin for ${key}`);
      this.audit(
        northwind.orgId,
        northwind.adminIds[0],
        northwind.orgId,
        at,
        'sub_partner.create',
        'org',
        sub.orgId,
        `Set up indirect provider "${sub.spec.name}"`,
      );
      this.rows.emailOutbox.push({
        id: this.rng.uuid(),
        orgId: sub.orgId,
        to: admin.email,
        kind: 'invitation',
        status: 'sent',
        attempts: 1,
        causedBy: northwind.adminIds[0],
        subject: `You're invited to manage ${sub.spec.name} in Partner Hub`,
        body: `Hello ${admin.firstName},\n\nNorthwind Telecom has set up ${sub.spec.name} as an indirect provider. Sign in to Partner Hub with ${admin.email}.\n`,
        createdAt: toDate(at + HOUR),
        sentAt: toDate(at + HOUR + 10_000),
      });
    }
  }

  audit(
    orgId: string,
    actorUserId: string,
    actorOrgId: string,
    at: number,
    action: string,
    targetType: string,
    targetId: string,
    summary: string,
    before?: Record<string, unknown>,
    after?: Record<string, unknown>,
  ): void {
    this.rows.auditLog.push({
      at: toDate(at),
      orgId,
      actorUserId,
      actorOrgId,
      action,
      targetType,
      targetId,
      summary,
      before: before ?? null,
      after: after ?? null,
    });
  }
}
