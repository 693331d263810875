// Trial error codes (SPEC §8.2, range 12000–12999). Folded into lib/platform/error-codes.ts at the merge.
export const TRIAL_ERRORS = {
  wrongStatus: 12001,
  serviceUnavailable: 12002,
  deviceAlreadyShipped: 12003,
  deviceCapReached: 12004,
  tierTwoConvert: 12005,
  openTrialExists: 12006,
  emailIsUser: 12007,
  noServices: 12008,
} as const;
