import 'server-only';
import type { ApiEndpoint } from '@/lib/api/api-endpoint';
import { createApiHandler } from '@/lib/api/api-handler';
import { appDeps } from './deps';

/** A /v1/wholesale route handler for one declared endpoint, on the production wiring. */
export const apiRoute = (endpoint: ApiEndpoint) => createApiHandler(endpoint, appDeps);
