// The row containers the builder fills and insertAll writes, one array per table.
import type {
  auditLog,
  customerPackages,
  customers,
  emailOutbox,
  locations,
  onboardingTemplates,
  orgRelations,
  orgSettings,
  orgs,
  packageAssignments,
  provisioningEvents,
  pstnProviders,
  restrictedParties,
  roleGrants,
  subPartnerSubscriptions,
  subscribers,
  subscriptions,
  trialDeviceShipments,
  trialServices,
  trials,
  users,
} from '@/db/schema';

export type Row<T extends { $inferInsert: unknown }> = T['$inferInsert'];

export interface DemoRows {
  pstnProviders: Row<typeof pstnProviders>[];
  restrictedParties: Row<typeof restrictedParties>[];
  orgs: Row<typeof orgs>[];
  orgRelations: Row<typeof orgRelations>[];
  subscriptions: Row<typeof subscriptions>[];
  subPartnerSubscriptions: Row<typeof subPartnerSubscriptions>[];
  users: Row<typeof users>[];
  roleGrants: Row<typeof roleGrants>[];
  templates: Row<typeof onboardingTemplates>[];
  customers: Row<typeof customers>[];
  orgSettings: Row<typeof orgSettings>[];
  locations: Row<typeof locations>[];
  customerPackages: Row<typeof customerPackages>[];
  provisioningEvents: Row<typeof provisioningEvents>[];
  subscribers: Row<typeof subscribers>[];
  packageAssignments: Row<typeof packageAssignments>[];
  trials: Row<typeof trials>[];
  trialServices: Row<typeof trialServices>[];
  trialDeviceShipments: Row<typeof trialDeviceShipments>[];
  auditLog: Row<typeof auditLog>[];
  emailOutbox: Row<typeof emailOutbox>[];
}

export function emptyRows(): DemoRows {
  return {
    pstnProviders: [],
    restrictedParties: [],
    orgs: [],
    orgRelations: [],
    subscriptions: [],
    subPartnerSubscriptions: [],
    users: [],
    roleGrants: [],
    templates: [],
    customers: [],
    orgSettings: [],
    locations: [],
    customerPackages: [],
    provisioningEvents: [],
    subscribers: [],
    packageAssignments: [],
    trials: [],
    trialServices: [],
    trialDeviceShipments: [],
    auditLog: [],
    emailOutbox: [],
  };
}
