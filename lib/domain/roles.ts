// SPEC §1.1: role ids and their UI names.
export const PARTNER_ROLES = [
  'partner_full_admin',
  'partner_readonly_admin',
  'wholesale_admin',
  'sales_full_admin',
  'sales_admin',
] as const;
export const CUSTOMER_ROLES = ['customer_full_admin', 'customer_readonly_admin'] as const;
export const ROLES = [...PARTNER_ROLES, ...CUSTOMER_ROLES] as const;

export type PartnerRole = (typeof PARTNER_ROLES)[number];
export type CustomerRole = (typeof CUSTOMER_ROLES)[number];
export type Role = (typeof ROLES)[number];

export const ROLE_NAMES: Record<Role, string> = {
  partner_full_admin: 'Partner full administrator',
  partner_readonly_admin: 'Partner read-only administrator',
  wholesale_admin: 'Wholesale administrator',
  sales_full_admin: 'Sales full administrator',
  sales_admin: 'Sales administrator',
  customer_full_admin: 'Customer full administrator',
  customer_readonly_admin: 'Customer read-only administrator',
};

export const isPartnerRole = (r: Role): r is PartnerRole => (PARTNER_ROLES as readonly string[]).includes(r);
