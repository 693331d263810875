import { endpoints } from '@/lib/api/endpoints';
import { apiRoute } from '@/lib/server/api-route';

export const dynamic = 'force-dynamic';
export const GET = apiRoute(endpoints.getSubscriber);
export const PUT = apiRoute(endpoints.updateSubscriber);
export const DELETE = apiRoute(endpoints.deleteSubscriber);
