// Customers waiting for their provisioning job, made in one SQL statement (thousands in a
// second): the bench and the multi-instance test start from a queue-full of them.
import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';

export interface WaitingOwner {
  partnerId: string;
  templateId: string;
  subscriptionId: string;
  createdBy: string;
}

/** N customers exactly as createCustomer leaves them: status provisioning, request stored, packages, managers, the 'accepted' line. */
export async function createWaitingCustomers(db: Db, owner: WaitingOwner, tag: string, n: number): Promise<string[]> {
  const rows = await db.execute<{ id: string }>(sql`
    with o as (
      insert into orgs (kind, name, wholesale, country)
      select 'customer', 'Bench ' || ${tag} || ' ' || i, true, 'US' from generate_series(1, ${n}) i
      returning id, name
    ), c as (
      insert into customers (org_id, partner_org_id, template_id, external_id, status, admin_email, language, creation_package, provisioning_request, created_by)
      select o.id, ${owner.partnerId}, ${owner.templateId}, 'EXT-' || o.id, 'provisioning', 'admin-' || o.id || '@bench-customer.test', 'en_US', 'webex_calling',
        jsonb_build_object('version', 1, 'templateId', ${owner.templateId}::text, 'subscriptionId', ${owner.subscriptionId}::text, 'packages', jsonb_build_array('webex_calling', 'webex_meetings'),
          'address', jsonb_build_object('addressLine1', '1 Bench Street', 'addressLine2', '', 'city', 'Springfield', 'stateOrProvince', 'IL', 'postalCode', '62701', 'country', 'US')),
        ${owner.createdBy}
      from o returning id, org_id
    ), p as (
      insert into customer_packages (customer_id, package, status)
      select c.id, p::package_id, 'provisioning' from c, unnest(array['webex_calling', 'webex_meetings']) p
    ), r as (
      insert into org_relations (manager_org_id, managed_org_id) select ${owner.partnerId}, org_id from c
    ), e as (
      insert into provisioning_events (customer_id, step, message) select id, 'accepted', 'Customer accepted for provisioning' from c
    )
    select id from c`);
  return rows.map((r) => r.id);
}
