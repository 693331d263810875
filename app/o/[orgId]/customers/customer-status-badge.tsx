import { Badge } from '@/components/ui/primitives';
import { customerStatusTone } from '@/components/customers/status-tone';
import { CUSTOMER_STATUS_LABELS, type CustomerStatus } from '@/lib/domain/statuses';

export function CustomerStatusBadge({ status }: { status: CustomerStatus }) {
  return (
    <span data-testid="customer-status" data-status={status}>
      <Badge tone={customerStatusTone(status)}>{CUSTOMER_STATUS_LABELS[status]}</Badge>
    </span>
  );
}
