import { Badge } from '@/components/ui/primitives';
import { TRIAL_STATUS_LABELS } from '@/lib/trials/trial-statuses';
import type { TrialBadge } from '@/lib/trials/list-trials';

/** The customer list's *Trial* badge with "N days left" (SPEC §9). */
export function TrialTag({ trial }: { trial: TrialBadge }) {
  return (
    <span className="ml-2 inline-flex items-center gap-1.5 align-middle" data-testid="trial-tag">
      <Badge tone="blue">Trial</Badge>
      <span className="text-xs text-slate-600">
        {trial.daysLeft !== null ? `${trial.daysLeft} ${trial.daysLeft === 1 ? 'day' : 'days'} left` : TRIAL_STATUS_LABELS[trial.status]}
      </span>
    </span>
  );
}
