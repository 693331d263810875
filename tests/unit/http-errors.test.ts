import { describe, expect, it, vi } from 'vitest';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@/lib/platform/errors';
import { errorResponse } from '@/lib/platform/http-errors';

describe('API error body (SPEC §8)', () => {
  it('maps a conflict with field errors to 409 and one entry per problem', async () => {
    const res = errorResponse(new ConflictError('Conflict.', { externalId: ['The external ID is already in use.'] }, 10022));
    expect(res.status).toBe(409);
    const body = await res.json();
    expect(body).toMatchObject({
      message: 'Conflict.',
      errors: [{ errorCode: 10022, description: 'externalId: The external ID is already in use.', field: 'externalId' }],
    });
    expect(body.trackingId).toMatch(/^PH_/);
  });

  it('maps validation, forbidden and not found to 400, 403 and 404 with the message as the error', async () => {
    expect(errorResponse(new ValidationError('Bad.')).status).toBe(400);
    const forbidden = errorResponse(new ForbiddenError());
    expect(forbidden.status).toBe(403);
    expect((await forbidden.json()).errors[0].description).toBe("You don't have permission to do this.");
    expect(errorResponse(new NotFoundError()).status).toBe(404);
  });

  it('hides unexpected errors behind a 500 with a tracking id', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const res = errorResponse(new Error('database password is hunter2'));
    expect(res.status).toBe(500);
    expect(JSON.stringify(await res.json())).not.toContain('hunter2');
    spy.mockRestore();
  });
});
