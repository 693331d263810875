// The attach use cases (SPEC §8.3), each with its capability, declared once: the REST
// door (lib/api/endpoints/customers.ts, body with orgId) and the org's answer page use these.
import type { UseCaseTable } from '@/lib/platform/use-case';
import { answerAttachRequest } from './answer-attach-request';
import { attachCustomer, validateAttach } from './attach-customer';
import { attachAnswerSchema, attachCustomerSchema } from './attach-schema';

export const attachOps = {
  attach: { capability: 'customers.write', schema: attachCustomerSchema, handler: attachCustomer },
  validate: { capability: 'customers.write', schema: attachCustomerSchema, handler: validateAttach },
  answer: { capability: 'cv.attach.answer', schema: attachAnswerSchema, handler: answerAttachRequest },
} as const satisfies UseCaseTable;
