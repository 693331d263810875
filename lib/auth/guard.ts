// The wrapper every server action and route handler goes through: it takes the
// capability as an argument, so a handler cannot run without declaring one.
import type { z } from 'zod';
import type { Capability } from './permissions';
import { decide, DENIAL_MESSAGES } from './policy';
import { loadActor, resolveAccess, type OrgAccess } from './access';
import { ConflictError, ForbiddenError, NotFoundError, UnauthenticatedError, ValidationError, type FieldErrors } from '@/lib/platform/errors';
import { inTransaction, type ServiceCtx, type ServiceDeps } from '@/lib/platform/service-ctx';

/** Resolves the actor's access to orgId and checks the capability, or throws 401/404/403. */
export async function authorize(deps: Pick<ServiceDeps, 'db'>, userId: string | null | undefined, orgId: string, capability: Capability): Promise<OrgAccess> {
  if (!userId) throw new UnauthenticatedError();
  const actor = await loadActor(deps.db, userId);
  if (!actor) throw new UnauthenticatedError();
  const access = await resolveAccess(deps.db, actor, orgId);
  // No relation → the org does not exist for this actor (never leak that it does).
  if (!access) throw new NotFoundError('Organisation not found.');
  const decision = decide(access, capability);
  if (!decision.allowed) {
    // A suspended owner is a state of the org (409, as the API reports it), not a role problem.
    if (decision.reason === 'owner_suspended') throw new ConflictError(DENIAL_MESSAGES.owner_suspended, { _form: [DENIAL_MESSAGES.owner_suspended] }, 10413);
    if (decision.reason === 'managed_through_api') throw new ConflictError(DENIAL_MESSAGES.managed_through_api, { _form: [DENIAL_MESSAGES.managed_through_api] }, 10114);
    throw new ForbiddenError(DENIAL_MESSAGES[decision.reason]);
  }
  return access;
}

export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_form';
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new ValidationError('Check the highlighted fields.', zodFieldErrors(parsed.error));
  return parsed.data;
}

/**
 * Authorise, validate with the shared zod schema, run the service in one transaction.
 * Both doors (server actions, REST handlers) call this; neither holds business rules.
 */
export async function runAuthorized<S extends z.ZodType, R>(
  deps: ServiceDeps,
  request: { userId: string | null | undefined; orgId: string; input: unknown },
  capability: Capability,
  schema: S,
  handler: (ctx: ServiceCtx, input: z.output<S>) => Promise<R>,
): Promise<R> {
  const access = await authorize(deps, request.userId, request.orgId, capability);
  const input = parseInput(schema, request.input);
  return inTransaction(deps, access, (ctx) => handler(ctx, input));
}
