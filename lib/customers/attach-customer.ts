// SPEC §8.3: `POST /customers` with `orgId` attaches an existing organisation instead of
// creating one. Same template, package and external-ID rules as a new customer (the
// pre-check is shared); then either straight to provisioning or, when the org must
// approve, `pending_customer_approval` with a request e-mail to its admins — sent only if
// the template allows admin invite e-mails. The org keeps its name, users and sign-in
// settings; RBPM is off and unavailable; nobody is made admin by provisioning.
import { and, eq } from 'drizzle-orm';
import { customerPackages, customers, onboardingTemplates, orgRelations, orgs, provisioningEvents } from '@/db/schema';
import { resolveLocale } from '@/lib/domain/locales';
import { creationPackage } from '@/lib/domain/packages';
import { audit } from '@/lib/platform/audit';
import { ConflictError, NotFoundError, ValidationError, uniqueViolation, type FieldErrors } from '@/lib/platform/errors';
import { appUrl } from '@/lib/platform/app-url';
import { queueEmail } from '@/lib/platform/outbox';
import { QUEUES } from '@/lib/platform/queues';
import { auditActor, type ServiceCtx } from '@/lib/platform/service-ctx';
import { assessAttach, attachInfo, type AttachAssessment } from './attach-rules';
import type { AttachCustomerInput } from './attach-schema';
import { changeCustomerStatus } from './change-customer-status';
import { findCustomerProblems, type TemplateForCustomer } from './find-customer-problems';
import { generateExternalId } from './generate-external-id';
import type { ProvisioningRequest } from './provisioning-request';
import { oneRow } from '@/db/one-row';

export const ATTACH_ORG_NOT_FOUND = 'No organisation with this orgId can be attached.';
export const ATTACH_ORG_TAKEN = 'This organisation already has wholesale services from a partner.';

type CustomerRow = typeof customers.$inferSelect;
/** `reuse`: this partner's earlier, deprovisioned record of the org (a declined request, removed services), asked for again. */
interface AttachCheck {
  assessment: AttachAssessment;
  template: TemplateForCustomer;
  reuse: CustomerRow | null;
}

/** Every problem at once (as the new-customer pre-check does), or the assessment. */
async function checkAttach(ctx: ServiceCtx, input: AttachCustomerInput): Promise<AttachCheck> {
  const assessment = await assessAttach(ctx.db, input.orgId);
  if (!assessment || assessment.org.kind !== 'customer') throw new NotFoundError(ATTACH_ORG_NOT_FOUND);
  // One customer record per org (customers_org_unique): a live one, or another partner's, is taken.
  const [existing] = await ctx.db.select().from(customers).where(eq(customers.orgId, input.orgId));
  const reuse = existing?.status === 'deprovisioned' && existing.partnerOrgId === ctx.access.org.id ? existing : null;
  const taken = existing && !reuse;
  // The new-customer rules for the acting partner, template, packages and external ID.
  // Name and administrator are the org's own, so their rules don't apply.
  const problems = await findCustomerProblems(ctx.db, ctx.access, {
    companyName: assessment.org.name,
    adminEmail: 'attach@invalid.invalid',
    adminFirstName: '',
    adminLastName: '',
    language: '',
    templateId: input.templateId,
    externalId: input.externalId,
    packages: input.packages,
    address: input.address,
    confirmSupportedLocation: true,
  });
  const fieldErrors: FieldErrors = { ...problems.fieldErrors };
  delete fieldErrors.adminEmail;
  delete fieldErrors.companyName;
  // Asking again under the earlier request's external ID is no clash: it is the same record.
  if (reuse && input.externalId === reuse.externalId) delete fieldErrors.externalId;
  let conflict = !!fieldErrors.externalId;
  if (taken) {
    (fieldErrors.orgId ??= []).push(ATTACH_ORG_TAKEN);
    conflict = true;
  }
  if (Object.keys(fieldErrors).length) {
    const message = 'Fix the highlighted problems before attaching the organisation.';
    throw conflict ? new ConflictError(message, fieldErrors) : new ValidationError(message, fieldErrors);
  }
  return { assessment, template: problems.template!, reuse };
}

/** `/customers/validate` with `orgId`: what attaching would do (infoCode 101 or 102), changing nothing. */
export async function validateAttach(ctx: ServiceCtx, input: AttachCustomerInput) {
  const { assessment } = await checkAttach(ctx, input);
  const info = attachInfo(assessment);
  return { message: info.description, info: [info] };
}

export async function attachCustomer(ctx: ServiceCtx, input: AttachCustomerInput) {
  const { assessment, template, reuse } = await checkAttach(ctx, input);
  const { org } = assessment;
  const owner = ctx.access.org;
  const now = ctx.clock.now();
  const externalId = input.externalId || generateExternalId(now);
  const status = assessment.needsApproval ? ('pending_customer_approval' as const) : ('provisioning' as const);
  const request: ProvisioningRequest = {
    version: 1,
    address: input.address,
    packages: input.packages,
    templateId: template.id,
    subscriptionId: template.subscriptionId,
  };
  // The customer record needs an administrator address: the org's first full admin.
  const adminEmail = assessment.adminEmails[0] ?? `admin+${org.id}@invalid.invalid`;
  const fields = {
    templateId: template.id,
    externalId,
    rbpm: false,
    attached: true,
    partnerAdminLevel: assessment.partnerAdminLevel,
    adminEmail,
    language: resolveLocale(template.defaultLanguage, org.country ?? input.address.country) ?? template.defaultLanguage,
    creationPackage: creationPackage(input.packages),
    provisioningRequest: { ...request },
    createdBy: ctx.access.actor.userId,
  };
  const insertPackages = (id: string) =>
    ctx.db
      .insert(customerPackages)
      .values(input.packages.map((p) => ({ customerId: id, package: p, status: 'provisioning' as const, updatedAt: now })));
  let customerId: string;
  try {
    if (reuse) {
      // customers_org_unique keeps one record per org: the new request revives this partner's
      // earlier one (same id, its history kept) through the status machine's reattach step.
      customerId = reuse.id;
      // The new packages first, so the status event's payload (read at once) carries them.
      await ctx.db.delete(customerPackages).where(eq(customerPackages.customerId, customerId));
      await insertPackages(customerId);
      await changeCustomerStatus(
        ctx.db,
        { customerId, from: 'deprovisioned', to: status, at: now, reattach: true, set: { ...fields, errors: [], deprovisionedAt: null } },
        ctx,
      );
    } else {
      const row = await oneRow(
        ctx.db
          .insert(customers)
          .values({ ...fields, orgId: org.id, partnerOrgId: owner.id, status, statusChangedAt: now, createdAt: now })
          .returning({ id: customers.id }),
        'the inserted customer',
      );
      customerId = row.id;
    }
  } catch (err) {
    const index = uniqueViolation(err);
    if (index === 'customers_org_unique')
      throw new ConflictError('Fix the highlighted problems before attaching the organisation.', { orgId: [ATTACH_ORG_TAKEN] });
    if (index === 'customers_partner_external_id_unique')
      throw new ConflictError('Fix the highlighted problems before attaching the organisation.', {
        externalId: ['This external ID is already used by another of your customers.'],
      });
    throw err;
  }
  if (!reuse) await insertPackages(customerId);
  await audit(ctx.db, auditActor(ctx), {
    action: 'customer.attach',
    targetType: 'customer',
    targetId: customerId,
    summary: `${reuse ? 'Asked again' : 'Requested'} to attach existing organisation "${org.name}" (${externalId})${assessment.needsApproval ? ' — waiting for its approval' : ''}`,
    after: {
      orgId: org.id,
      externalId,
      packages: input.packages,
      templateId: template.id,
      status,
      partnerAdminLevel: assessment.partnerAdminLevel,
    },
  });
  if (assessment.needsApproval) {
    await ctx.db
      .insert(provisioningEvents)
      .values({ customerId, at: now, step: 'accepted', message: `Waiting for ${org.name} to approve: ${assessment.reasons.join(', ')}` });
    const [t] = await ctx.db
      .select({ allow: onboardingTemplates.allowAdminInviteEmails })
      .from(onboardingTemplates)
      .where(eq(onboardingTemplates.id, template.id));
    if (t?.allow) {
      for (const to of assessment.adminEmails) {
        await queueEmail(ctx, {
          to,
          orgId: org.id,
          kind: 'attach_approval_request',
          subject: `${owner.name} asks to manage Webex services for ${org.name}`,
          body: `${owner.name} would like to add wholesale Webex services to ${org.name} and become its ${assessment.partnerAdminLevel === 'full' ? 'full' : 'provisioning'} administrator. Your users, name and sign-in settings stay as they are. Approve or decline it here: ${appUrl(`/o/${org.id}/partner-requests`)}\n`,
        });
      }
    }
  } else {
    await startAttachedProvisioning(ctx, customerId, org.id, now);
    await ctx.db.insert(provisioningEvents).values({
      customerId,
      at: now,
      step: 'accepted',
      message: `Existing organisation ${org.name} attached for provisioning from template “${template.name}”`,
    });
  }
  return { customerId, orgId: org.id, externalId, status };
}

/** The partner (and a sub-partner's parent) now manages the org; the provisioning job runs after commit. */
export async function startAttachedProvisioning(
  ctx: Pick<ServiceCtx, 'db' | 'jobs' | 'afterCommit'>,
  customerId: string,
  orgId: string,
  now: Date,
) {
  const c = await oneRow(
    ctx.db
      .select({ partnerOrgId: customers.partnerOrgId, parent: orgs.parentPartnerId })
      .from(customers)
      .innerJoin(orgs, eq(orgs.id, customers.partnerOrgId))
      .where(and(eq(customers.id, customerId), eq(customers.orgId, orgId))),
    'the attached customer',
  );
  const managers = [c.partnerOrgId, ...(c.parent ? [c.parent] : [])];
  await ctx.db
    .insert(orgRelations)
    .values(managers.map((m) => ({ managerOrgId: m, managedOrgId: orgId, createdAt: now })))
    .onConflictDoNothing();
  ctx.afterCommit(() => ctx.jobs.send(QUEUES.provisionCustomer, { customerId }, { singletonKey: customerId }));
}
