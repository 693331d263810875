import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { authMode } from './enums';
import { orgs, subscriptions, users } from './orgs';

const ts = (name: string) => timestamp(name, { withTimezone: true });

/** Cloud Connected PSTN providers a template can name (reference data). */
export const pstnProviders = pgTable('pstn_providers', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  countries: text('countries').array().notNull(),
});

/** Onboarding templates (SPEC §3): common settings applied to customers created from them. */
export const onboardingTemplates = pgTable(
  'onboarding_templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    name: text('name').notNull(),
    type: text('type', { enum: ['webex_wholesale'] })
      .notNull()
      .default('webex_wholesale'),
    country: text('country').notNull(),
    serviceProviderAdminId: uuid('service_provider_admin_id')
      .notNull()
      .references(() => users.id),
    subscriptionId: text('subscription_id')
      .notNull()
      .references(() => subscriptions.id),
    authMode: authMode('auth_mode').notNull().default('webex'),
    idpEntityId: text('idp_entity_id'),
    idpName: text('idp_name'),
    pstnProviderId: text('pstn_provider_id').references(() => pstnProviders.id),
    allowAdminInviteEmails: boolean('allow_admin_invite_emails').notNull().default(false),
    brandName: text('brand_name'),
    disableWebexCalling: boolean('disable_webex_calling').notNull().default(false),
    defaultLanguage: text('default_language').notNull().default('en_US'),
    /** Opaque value the API's `provisioningId` takes. */
    provisioningId: text('provisioning_id').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('templates_org_name_unique').on(t.orgId, sql`lower(${t.name})`),
    uniqueIndex('templates_provisioning_id_unique').on(t.provisioningId),
    index('templates_org_created_idx').on(t.orgId, t.createdAt),
  ],
);
