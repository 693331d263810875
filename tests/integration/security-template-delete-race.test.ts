// Issue 10, item 15: deleting an onboarding template while customers are being created from
// it. Whoever loses gets a clear 409 with a stable code — never "Something went wrong" from
// the foreign key (23503) — and the database ends consistent: either the template is gone
// and no customer was created from it, or it stays and every created customer uses it.
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { customers, onboardingTemplates } from '@/db/schema';
import { runAuthorized } from '@/lib/server/guard';
import { customerOps } from '@/lib/customers/customer-operations';
import { TEMPLATE_DELETED_MESSAGE } from '@/lib/customers/create-customer';
import { ERROR_CODES } from '@/lib/platform/error-codes';
import { ConflictError, DomainError, foreignKeyViolation } from '@/lib/platform/errors';
import { systemClock } from '@/lib/platform/clock';
import { deleteTemplate } from '@/lib/templates/delete-template';
import { deleteTemplateSchema } from '@/lib/templates/template-schema';
import { customerInput, makeTemplate, recordingJobs } from './support/customer-fixtures';
import { makeAdmin, makePartner } from './support/fixtures';
import { freshDb } from './support/test-db';
import { at } from '@/tests/support/rows';

const db = await freshDb();
const deps = { db, clock: systemClock, jobs: recordingJobs() };
const partner = await makePartner(db);
const full = await makeAdmin(db, partner.id, ['partner_full_admin', 'wholesale_admin']);
const { create } = customerOps;

const createFrom = (templateId: string) =>
  runAuthorized(
    deps,
    { userId: full.userId, orgId: partner.id, input: customerInput(templateId) },
    create.capability,
    create.schema,
    create.handler,
  );
const customersOf = (templateId: string) => db.$count(customers, eq(customers.templateId, templateId));
const lockWaiters = async () =>
  (
    await db.execute<{ n: number }>(
      sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
    )
  )[0].n;
async function waitUntil(ok: () => Promise<boolean>, timeoutMs = 15_000) {
  for (const end = Date.now() + timeoutMs; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) if (await ok()) return;
  throw new Error('timed out waiting');
}
const templateExists = async (id: string) => (await db.$count(onboardingTemplates, eq(onboardingTemplates.id, id))) === 1;

describe('delete template racing create customer', () => {
  it('creates waiting behind a delete that commits get the 10115 conflict on the template field; nothing is half-written', async () => {
    const template = await makeTemplate(db, partner.id, full.userId);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let deleted!: () => void;
    const deleteDone = new Promise<void>((r) => (deleted = r));
    // The delete holds the template row (as it does between its count and its commit) while the creates start.
    const deleting = runAuthorized(
      deps,
      { userId: full.userId, orgId: partner.id, input: { templateId: template.id } },
      'templates.write',
      deleteTemplateSchema,
      async (ctx, input) => {
        const r = await deleteTemplate(ctx, input);
        deleted();
        await gate;
        return r;
      },
    );
    await deleteDone;
    // 3 creates: with the delete and this test's own queries, the test pool (5) is enough.
    const creates = Array.from({ length: 3 }, () =>
      createFrom(template.id).then(
        () => null,
        (e: unknown) => e,
      ),
    );
    await waitUntil(async () => (await lockWaiters()) >= 3); // each create's foreign-key check now waits on the row
    release();
    await deleting;
    const errors = await Promise.all(creates);
    for (const err of errors) {
      expect(err, JSON.stringify((err as DomainError).fieldErrors)).toBeInstanceOf(ConflictError);
      const e = err as ConflictError;
      expect(e.errorCode).toBe(ERROR_CODES.templateDeleted);
      expect(e.fieldErrors).toEqual({ templateId: [TEMPLATE_DELETED_MESSAGE] });
    }
    expect(await templateExists(template.id)).toBe(false);
    expect(await customersOf(template.id)).toBe(0);
  });

  it('20 creates with a delete in the middle: every loser gets a clear domain error, and the end state is consistent (3 runs)', async () => {
    for (let run = 0; run < 3; run++) {
      const template = await makeTemplate(db, partner.id, full.userId);
      const attempts: Promise<unknown>[] = Array.from({ length: 20 }, () => createFrom(template.id));
      attempts.splice(
        10,
        0,
        runAuthorized(
          deps,
          { userId: full.userId, orgId: partner.id, input: { templateId: template.id } },
          'templates.write',
          deleteTemplateSchema,
          deleteTemplate,
        ),
      );
      const outcomes = await Promise.allSettled(attempts);
      const failures = outcomes.filter((o) => o.status === 'rejected').map((o) => (o as PromiseRejectedResult).reason as unknown);
      for (const f of failures) {
        expect(foreignKeyViolation(f), String(f)).toBeNull();
        expect(f).toBeInstanceOf(DomainError);
        expect((f as DomainError).status).toBe(409);
      }
      const deleteWon = at(outcomes, 10).status === 'fulfilled';
      const createdCount = outcomes.filter((o, i) => i !== 10 && o.status === 'fulfilled').length;
      expect(await templateExists(template.id)).toBe(!deleteWon);
      expect(await customersOf(template.id)).toBe(deleteWon ? 0 : createdCount);
      if (deleteWon)
        expect(createdCount).toBe(0); // a customer created before the delete would have made it refuse
      else
        expect((outcomes[10] as PromiseRejectedResult).reason.message).toMatch(
          /^This template is used by \d+ customers? and can't be deleted\.$/,
        );
    }
  });
});
