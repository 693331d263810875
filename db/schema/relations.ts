import { relations } from 'drizzle-orm';
import { orgs, roleGrants, subscriptions, users } from './orgs';
import { onboardingTemplates, pstnProviders } from './templates';
import { customerPackages, customers, locations, provisioningEvents, subscribers } from './customers';
import { packageAssignments } from './billing';

export const orgsRelations = relations(orgs, ({ one, many }) => ({
  parent: one(orgs, { fields: [orgs.parentPartnerId], references: [orgs.id], relationName: 'parent' }),
  users: many(users),
  locations: many(locations),
}));

export const usersRelations = relations(users, ({ one, many }) => ({
  org: one(orgs, { fields: [users.orgId], references: [orgs.id] }),
  grants: many(roleGrants),
}));

export const roleGrantsRelations = relations(roleGrants, ({ one }) => ({
  user: one(users, { fields: [roleGrants.userId], references: [users.id] }),
  org: one(orgs, { fields: [roleGrants.orgId], references: [orgs.id] }),
}));

export const templatesRelations = relations(onboardingTemplates, ({ one }) => ({
  org: one(orgs, { fields: [onboardingTemplates.orgId], references: [orgs.id] }),
  subscription: one(subscriptions, { fields: [onboardingTemplates.subscriptionId], references: [subscriptions.id] }),
  pstnProvider: one(pstnProviders, { fields: [onboardingTemplates.pstnProviderId], references: [pstnProviders.id] }),
  serviceProviderAdmin: one(users, { fields: [onboardingTemplates.serviceProviderAdminId], references: [users.id] }),
}));

export const customersRelations = relations(customers, ({ one, many }) => ({
  org: one(orgs, { fields: [customers.orgId], references: [orgs.id] }),
  partner: one(orgs, { fields: [customers.partnerOrgId], references: [orgs.id] }),
  template: one(onboardingTemplates, { fields: [customers.templateId], references: [onboardingTemplates.id] }),
  packages: many(customerPackages),
  events: many(provisioningEvents),
  subscribers: many(subscribers),
}));

export const customerPackagesRelations = relations(customerPackages, ({ one }) => ({
  customer: one(customers, { fields: [customerPackages.customerId], references: [customers.id] }),
}));

export const provisioningEventsRelations = relations(provisioningEvents, ({ one }) => ({
  customer: one(customers, { fields: [provisioningEvents.customerId], references: [customers.id] }),
}));

export const subscribersRelations = relations(subscribers, ({ one, many }) => ({
  customer: one(customers, { fields: [subscribers.customerId], references: [customers.id] }),
  user: one(users, { fields: [subscribers.userId], references: [users.id] }),
  location: one(locations, { fields: [subscribers.locationId], references: [locations.id] }),
  assignments: many(packageAssignments),
}));

export const packageAssignmentsRelations = relations(packageAssignments, ({ one }) => ({
  subscriber: one(subscribers, { fields: [packageAssignments.subscriberId], references: [subscribers.id] }),
}));

export const locationsRelations = relations(locations, ({ one }) => ({
  org: one(orgs, { fields: [locations.orgId], references: [orgs.id] }),
}));
