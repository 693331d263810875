// Zod-free (a type import only) so the trial forms start empty without loading the schema.
import type { TrialServicesInput } from './trial-schema';

/** An empty services form. */
export const emptyServices = (): TrialServicesInput => ({
  meetings: false,
  siteUrl: '',
  timeZone: 'America/New_York',
  messaging: false,
  calling: false,
  devices: false,
  deviceLines: [],
});
