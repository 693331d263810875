// The wrapper every server action and route handler goes through: it takes the
// capability as an argument, so a handler cannot run without declaring one.
import type { z } from 'zod';
import type { Capability } from '@/lib/auth/permissions';
import { decide, DENIAL_MESSAGES } from '@/lib/auth/policy';
import { loadActor, resolveAccess, type OrgAccess } from '@/lib/auth/access';
import { ERROR_CODES } from '@/lib/platform/error-codes';
import type { ActionState } from '@/lib/platform/action-state';
import {
  ConflictError,
  DomainError,
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
  ValidationError,
  type FieldErrors,
} from '@/lib/platform/errors';
import { newTrackingId } from '@/lib/platform/http-errors';
import { annotateRequest, logger, withRequestContext } from '@/lib/platform/logger';
import { CONTROL_CHARACTER_MESSAGE, controlCharacterPaths } from '@/lib/domain/text';
import { inTransaction, type ServiceCtx, type ServiceDeps } from '@/lib/platform/service-ctx';

/** Resolves the actor's access to orgId and checks the capability, or throws 401/404/403. */
export async function authorize(
  deps: Pick<ServiceDeps, 'db'>,
  userId: string | null | undefined,
  orgId: string,
  capability: Capability,
): Promise<OrgAccess> {
  if (!userId) throw new UnauthenticatedError();
  const actor = await loadActor(deps.db, userId);
  if (!actor) throw new UnauthenticatedError();
  annotateRequest({ actorId: userId, orgId });
  const access = await resolveAccess(deps.db, actor, orgId);
  // No relation → the org does not exist for this actor (never leak that it does).
  if (!access) throw new NotFoundError('Organisation not found.');
  const decision = decide(access, capability);
  if (!decision.allowed) {
    // A suspended owner is a state of the org (409, as the API reports it), not a role problem.
    if (decision.reason === 'owner_suspended')
      throw new ConflictError(DENIAL_MESSAGES.owner_suspended, { _form: [DENIAL_MESSAGES.owner_suspended] }, ERROR_CODES.ownerSuspended);
    if (decision.reason === 'managed_through_api')
      throw new ConflictError(DENIAL_MESSAGES.managed_through_api, { _form: [DENIAL_MESSAGES.managed_through_api] }, 10114);
    throw new ForbiddenError(DENIAL_MESSAGES[decision.reason]);
  }
  return { ...access, reach: decision.reach };
}

export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_form';
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** Field errors for every text in the raw input holding a control character (lib/domain/text.ts). */
export function controlCharacterErrors(input: unknown): FieldErrors {
  const out: FieldErrors = {};
  for (const path of controlCharacterPaths(input)) out[path] = [CONTROL_CHARACTER_MESSAGE];
  return out;
}

/**
 * Validates with the shared schema. Every door's input passes here, so the control-character
 * rule is applied once for every schema and field (a NUL must never reach PostgreSQL); its
 * field errors are reported together with the schema's own.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  const control = controlCharacterErrors(input);
  if (!parsed.success || Object.keys(control).length) {
    const errors = parsed.success ? {} : zodFieldErrors(parsed.error);
    for (const [k, msgs] of Object.entries(control)) errors[k] = [...msgs, ...(errors[k] ?? [])];
    throw new ValidationError('Check the highlighted fields.', errors);
  }
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

/** The message of an unexpected failure: nothing changed, and the id support finds the logs by. */
export const internalErrorMessage = (trackingId: string) =>
  `Something went wrong on our side. Nothing was changed; try again. If it keeps happening, quote tracking ID ${trackingId}.`;

/**
 * A server action's door: runAuthorized inside a request context (its own tracking id),
 * with the outcome as the form's ActionState. A domain error becomes the form's message
 * and field errors; anything else is logged with the tracking id, which the message quotes.
 */
export async function runAction<S extends z.ZodType, R>(
  deps: ServiceDeps,
  request: { userId: string | null | undefined; orgId: string; input: unknown },
  capability: Capability,
  schema: S,
  handler: (ctx: ServiceCtx, input: z.output<S>) => Promise<R>,
): Promise<ActionState<R>> {
  const trackingId = newTrackingId();
  return withRequestContext({ trackingId, orgId: request.orgId }, async () => {
    try {
      return { ok: true, data: await runAuthorized(deps, request, capability, schema, handler) };
    } catch (err) {
      if (err instanceof DomainError) return { ok: false, message: err.message, fieldErrors: err.fieldErrors, trackingId };
      logger.error({ err }, 'server action failed');
      return { ok: false, message: internalErrorMessage(trackingId), trackingId };
    }
  });
}
