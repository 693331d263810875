import type { FieldValues, Resolver } from 'react-hook-form';
import type { ZodType } from 'zod';

/**
 * zodResolver over a schema that is loaded on the form's first validation, not with the
 * page. zod with the resolver is ≈ 35 kB gzip, a fifth of a form route's first-load JS
 * (bench:js, issue 13): imported statically it put every form route near the 200 kB
 * limit. The schema is still the one the server action and the API parse with; only
 * when it reaches the browser changes. Pass a module-level loader, e.g.
 *
 *   const resolver = lazyZodResolver<AddUsersInput>(() => import('@/lib/subscribers/subscriber-schemas').then((m) => m.addUsersSchema));
 *
 * A failed load (offline) is retried on the next validation.
 */
export function lazyZodResolver<T extends FieldValues, TOut = T>(load: () => Promise<ZodType<TOut, T>>): Resolver<T, unknown, TOut> {
  let ready: Promise<Resolver<T, unknown, TOut>> | undefined;
  return (values, context, options) => {
    ready ??= Promise.all([import('@hookform/resolvers/zod'), load()])
      .then(([{ zodResolver }, schema]) => zodResolver(schema))
      .catch((err: unknown) => {
        ready = undefined;
        throw err;
      });
    return ready.then((resolve) => resolve(values, context, options));
  };
}
