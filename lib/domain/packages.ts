// SPEC §2 and §7.2: the sellable packages, their ranks and billing identifiers.
export const PACKAGES = ['common_area_calling', 'webex_voice', 'webex_calling', 'webex_suite', 'webex_meetings', 'cx_essentials'] as const;
export type PackageId = (typeof PACKAGES)[number];

interface PackageInfo {
  name: string;
  calling: boolean;
  meetings: boolean;
  /** "No downgrade of admins": an admin's package rank never drops below the creation package. */
  rank: number;
  serviceName: string;
  sku: string;
  description: string;
}

export const PACKAGE_INFO: Record<PackageId, PackageInfo> = {
  common_area_calling: {
    name: 'Common Area Calling',
    calling: true,
    meetings: false,
    rank: 1,
    serviceName: 'COMMON_AREA_CALLING',
    sku: 'WX-CAC-M',
    description: 'Basic calling for shared workspaces',
  },
  webex_voice: {
    name: 'Enhanced Calling',
    calling: true,
    meetings: false,
    rank: 2,
    serviceName: 'WEBEX_VOICE',
    sku: 'WX-VOICE-M',
    description: 'Calling only, app soft-phone or devices',
  },
  webex_meetings: {
    name: 'Webex Meetings',
    calling: false,
    meetings: true,
    rank: 2,
    serviceName: 'WEBEX_MEETINGS',
    sku: 'WX-MTG-M',
    description: 'Meetings and messaging, no calling seat',
  },
  webex_calling: {
    name: 'Webex Calling',
    calling: true,
    meetings: true,
    rank: 3,
    serviceName: 'WEBEX_CALLING',
    sku: 'WX-CALL-M',
    description: 'Advanced calling, app, messaging and basic meetings',
  },
  webex_suite: {
    name: 'Webex Suite',
    calling: true,
    meetings: true,
    rank: 4,
    serviceName: 'WEBEX_SUITE',
    sku: 'WX-SUITE-M',
    description: 'Calling plus meetings up to 1000 participants',
  },
  cx_essentials: {
    name: 'Customer Experience Essentials',
    calling: true,
    meetings: true,
    rank: 4,
    serviceName: 'CX_ESSENTIALS',
    sku: 'WX-CXE-M',
    description: 'Calling plus contact-centre basics',
  },
};

/** The highest-ranked package of a set: a customer's creation package (SPEC §2). */
export function creationPackage(packages: readonly PackageId[]): PackageId | null {
  let best: PackageId | null = null;
  for (const p of packages) if (best === null || PACKAGE_INFO[p].rank > PACKAGE_INFO[best].rank) best = p;
  return best;
}
