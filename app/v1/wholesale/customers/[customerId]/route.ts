import { endpoints } from '@/lib/api/endpoints';
import { apiRoute } from '@/lib/server/api-route';

export const dynamic = 'force-dynamic';
export const GET = apiRoute(endpoints.getCustomer);
export const PUT = apiRoute(endpoints.updateCustomer);
export const DELETE = apiRoute(endpoints.deleteCustomer);
