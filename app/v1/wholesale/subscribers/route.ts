import { endpoints } from '@/lib/api/endpoints';
import { apiRoute } from '@/lib/server/api-route';

export const dynamic = 'force-dynamic';
export const POST = apiRoute(endpoints.createSubscriber);
export const GET = apiRoute(endpoints.listSubscribers);
