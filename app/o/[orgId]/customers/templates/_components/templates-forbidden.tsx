import { Forbidden } from '@/components/ui/primitives';
import { CustomersTabs } from '../../customers-tabs';

/** The permission message inside the Customers section, tabs kept, for template pages. */
export function TemplatesForbidden({ orgId, message }: { orgId: string; message: string }) {
  return (
    <>
      <CustomersTabs orgId={orgId} />
      <Forbidden message={message} />
    </>
  );
}
