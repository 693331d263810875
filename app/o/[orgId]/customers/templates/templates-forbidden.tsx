import { Forbidden } from '@/components/ui/primitives';
import { CustomersTabs } from '../customers-tabs';

/** The permission message inside the Customers section, tabs kept, for template pages. */
export function TemplatesForbidden({ orgId, message, next }: { orgId: string; message: string; next: string }) {
  return (
    <>
      <CustomersTabs orgId={orgId} />
      <Forbidden message={message} next={next} />
    </>
  );
}
