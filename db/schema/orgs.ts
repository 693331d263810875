import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  date,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { orgKind, orgState, packageId, role } from './enums';

const ts = (name: string) => timestamp(name, { withTimezone: true });

/** Every organisation: partner, sub-partner (one level below a partner) or customer. */
export const orgs = pgTable(
  'orgs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: orgKind('kind').notNull(),
    name: text('name').notNull(),
    /** Set for sub-partners only: the partner that manages them. */
    parentPartnerId: uuid('parent_partner_id').references((): AnyPgColumn => orgs.id),
    wholesale: boolean('wholesale').notNull().default(false),
    /** Tier-1 partners convert trials themselves; tier-2 go through their distributor. */
    tier: text('tier', { enum: ['1', '2'] })
      .notNull()
      .default('1'),
    state: orgState('state').notNull().default('active'),
    country: text('country'),
    language: text('language'),
    billingStartDate: date('billing_start_date'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check('orgs_parent_only_for_sub_partners', sql`(${t.kind} = 'sub_partner') = (${t.parentPartnerId} is not null)`),
    index('orgs_parent_idx').on(t.parentPartnerId, t.name),
    // Trigram index: contains-search on names stays index-backed at 100k+ orgs.
    index('orgs_name_trgm_idx').using('gin', sql`lower(${t.name}) gin_trgm_ops`),
  ],
);

/**
 * "Managed-by": managerOrgId may act on managedOrgId. Made at sub-partner setup
 * (parent → sub-partner) and at customer creation (creator, plus the creator's parent).
 */
export const orgRelations = pgTable(
  'org_relations',
  {
    managerOrgId: uuid('manager_org_id')
      .notNull()
      .references(() => orgs.id),
    managedOrgId: uuid('managed_org_id')
      .notNull()
      .references(() => orgs.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.managerOrgId, t.managedOrgId] }),
    index('org_relations_managed_idx').on(t.managedOrgId),
    check('org_relations_not_self', sql`${t.managerOrgId} <> ${t.managedOrgId}`),
  ],
);

/** People: partner admins, customer admins and users. An e-mail is one person platform-wide. */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The org the person belongs to. */
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    email: text('email').notNull(),
    firstName: text('first_name').notNull().default(''),
    lastName: text('last_name').notNull().default(''),
    displayName: text('display_name'),
    /** scrypt hash; null for people who never sign in to the portal. */
    passwordHash: text('password_hash'),
    /** Set at each successful sign-in (Settings → Administrators shows it). */
    lastSignInAt: ts('last_sign_in_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_email_unique').on(sql`lower(${t.email})`),
    index('users_org_idx').on(t.orgId, t.lastName, t.firstName),
    // Activity's "Actor e-mail contains" filter (a substring: trigrams).
    index('users_email_trgm_idx').using('gin', sql`lower(${t.email}) gin_trgm_ops`),
  ],
);

/** Role grants per org. Partner admins hold grants on their partner org; customer admins on theirs. */
export const roleGrants = pgTable(
  'role_grants',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    role: role('role').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.orgId, t.role] }), index('role_grants_org_idx').on(t.orgId, t.role)],
);

/** A partner's wholesale subscription ("depleting" order) and the packages it may sell. */
export const subscriptions = pgTable(
  'subscriptions',
  {
    id: text('id').primaryKey(), // e.g. Sub-104221
    partnerOrgId: uuid('partner_org_id')
      .notNull()
      .references(() => orgs.id),
    packages: packageId('packages').array().notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('subscriptions_partner_idx').on(t.partnerOrgId)],
);

/** Which subscription a sub-partner shares from its parent (SPEC §6.4). */
export const subPartnerSubscriptions = pgTable(
  'sub_partner_subscriptions',
  {
    subPartnerOrgId: uuid('sub_partner_org_id')
      .notNull()
      .references(() => orgs.id),
    subscriptionId: text('subscription_id')
      .notNull()
      .references(() => subscriptions.id),
  },
  (t) => [primaryKey({ columns: [t.subPartnerOrgId, t.subscriptionId] })],
);

/** Organisation settings of a customer (SPEC §5.2) and the RBPM flag's neighbours. */
export const orgSettings = pgTable('org_settings', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => orgs.id),
  domain: text('domain'),
  domainVerified: boolean('domain_verified').notNull().default(false),
  domainClaimed: boolean('domain_claimed').notNull().default(false),
  suppressAdminInviteEmails: boolean('suppress_admin_invite_emails').notNull().default(false),
  emailLanguage: text('email_language'),
  sso: jsonb('sso').$type<{ mode: 'webex' | 'saml' | 'oidc'; idpEntityId?: string; idpName?: string }>(),
  calling: jsonb('calling').$type<Record<string, unknown>>().notNull().default({}),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** Partner branding, applied to its customers' views unless a customer overrides it. */
export const branding = pgTable('branding', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => orgs.id),
  /** The re-encoded logo as a data: URL (≤ 512 kB source; served by /branding/<org>/logo/<hash>). */
  logoDataUrl: text('logo_data_url'),
  /** SHA-256 of the re-encoded bytes: part of the logo URL, so it can be cached forever. */
  logoHash: text('logo_hash'),
  /** { accent: '#rrggbb' } — checked for WCAG AA contrast when saved. */
  lightTheme: jsonb('light_theme').$type<{ accent?: string }>(),
  darkTheme: jsonb('dark_theme').$type<{ accent?: string }>(),
  supportUrl: text('support_url'),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});
