import type { PackageId } from './packages';

// Chart colours per package: distinguishable in colour and in lightness (the legend and the table repeat the names).
export const PACKAGE_COLOURS: Record<PackageId, string> = {
  common_area_calling: '#64748b',
  webex_voice: '#0ea5e9',
  webex_calling: '#1d4ed8',
  webex_suite: '#7c3aed',
  webex_meetings: '#16a34a',
  cx_essentials: '#ea580c',
};
