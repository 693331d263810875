// Which packages a trial's services stand for, and which services a set of packages
// already gives ("services the customer hasn't bought", SPEC §9). Client-safe.
import { PACKAGE_INFO, type PackageId } from '@/lib/domain/packages';
import type { TrialService } from '@/lib/domain/statuses';

/** The one package a trial customer's users get: calling + meetings → Suite; calling → Calling; else Meetings. */
export function trialPackage(services: readonly TrialService[]): PackageId {
  const calling = services.includes('calling');
  const meetings = services.includes('meetings');
  if (calling && meetings) return 'webex_suite';
  if (calling) return 'webex_calling';
  return 'webex_meetings';
}

/** Services a customer already pays for through its packages (devices are never bought this way). */
export function boughtServices(packages: readonly PackageId[]): Set<TrialService> {
  const out = new Set<TrialService>();
  for (const p of packages) {
    const info = PACKAGE_INFO[p];
    if (info.meetings) {
      out.add('meetings');
      out.add('messaging');
    }
    if (info.calling && p !== 'common_area_calling') out.add('calling');
  }
  return out;
}
