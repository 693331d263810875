import 'server-only';
import type { z } from 'zod';
import { signedInUser } from '@/lib/server/session';
import { runAction } from '@/lib/server/guard';
import type { Capability } from '@/lib/auth/permissions';
import type { ActionState } from '@/lib/platform/action-state';
import type { ServiceCtx } from '@/lib/platform/service-ctx';
import type { UseCase } from '@/lib/platform/use-case';
import { appDeps } from './deps';

export type { ActionState } from '@/lib/platform/action-state';

/**
 * Builds a server action for one org-scoped use case. The capability is part of the
 * signature: an action cannot be declared without one. Call as `action(orgId, input)`.
 */
export function orgAction<S extends z.ZodType, R>(op: UseCase<S, R>): (orgId: string, input: z.input<S>) => Promise<ActionState<R>>;
export function orgAction<S extends z.ZodType, R>(
  capability: Capability,
  schema: S,
  handler: (ctx: ServiceCtx, input: z.output<S>) => Promise<R>,
): (orgId: string, input: z.input<S>) => Promise<ActionState<R>>;
export function orgAction<S extends z.ZodType, R>(
  capabilityOrOp: Capability | UseCase<S, R>,
  schemaArg?: S,
  handlerArg?: (ctx: ServiceCtx, input: z.output<S>) => Promise<R>,
) {
  const { capability, schema, handler } =
    typeof capabilityOrOp === 'string' ? { capability: capabilityOrOp, schema: schemaArg!, handler: handlerArg! } : capabilityOrOp;
  return async (orgId: string, input: z.input<S>): Promise<ActionState<R>> => {
    const userId = (await signedInUser()) ?? undefined;
    return runAction(appDeps(), { userId, orgId, input }, capability, schema, handler);
  };
}
