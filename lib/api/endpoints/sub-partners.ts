import { z } from 'zod';
import { apiListSubPartnersSchema, subPartnerOps, subPartnerResourceSchema } from '@/lib/sub-partners/sub-partner-api';
import { defineEndpoint } from '../api-endpoint';
import { EXAMPLE_ORG_ID } from '../examples';

export const listSubPartnersEndpoint = defineEndpoint({
  operationId: 'listSubPartners',
  method: 'GET',
  path: '/subPartners',
  tag: 'Sub-partners',
  summary: 'List sub-partners (indirect providers)',
  description: 'active sub-partners can provision, update and delete; suspended ones can only delete.',
  capability: subPartnerOps.list.capability,
  query: apiListSubPartnersSchema,
  status: 200,
  response: z.object({ items: z.array(subPartnerResourceSchema) }),
  errorStatuses: [400],
  errorCodes: [10001, 10002],
  example: {
    response: {
      items: [
        {
          orgId: EXAMPLE_ORG_ID,
          name: 'Fabrikam Networks',
          subscriptionId: 'Sub-104221',
          provisioningState: 'active',
          created: '2025-06-01T09:00:00.000Z',
          billingStartDate: '2025-06-01',
        },
      ],
    },
  },
  async run({ query, access, exec }) {
    const { items, hasNext } = await exec(access, subPartnerOps.list.capability, (ctx) => subPartnerOps.list.handler(ctx, query));
    return { body: { items }, page: { offset: query.offset, max: query.max, hasNext } };
  },
});
