import type { z } from 'zod';
import type { Capability } from '@/lib/auth/permissions';
import type { ServiceCtx } from './service-ctx';

/**
 * A use case declared once (capability, input schema, service): the server action, the
 * session route and the REST endpoint all take the same object, so no door can pick a
 * different capability or schema.
 */
export interface UseCase<S extends z.ZodType = z.ZodType, R = unknown> {
  capability: Capability;
  schema: S;
  handler: (ctx: ServiceCtx, input: z.output<S>) => Promise<R>;
}

/** For `satisfies` on a table of use cases (each keeps its own precise types). */
export type UseCaseTable = Record<string, { capability: Capability; schema: unknown; handler: unknown }>;
