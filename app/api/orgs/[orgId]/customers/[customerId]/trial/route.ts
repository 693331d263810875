// The customer panel's trial section (SPEC §9), read by the section itself. Session-authenticated.
import { sessionRoute } from '@/lib/server/session-route';
import { trialOps } from '@/lib/trials/trial-operations';

const { getForCustomer } = trialOps;

export const dynamic = 'force-dynamic';

export const GET = sessionRoute(getForCustomer.capability, getForCustomer.schema, getForCustomer.handler);
