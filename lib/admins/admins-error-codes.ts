// Error codes of Settings → Administrators, Branding and e-mail delivery (reserved range 13000–13999).
export const ADMIN_ERRORS = {
  lastFullAdmin: 13001,
  emailTaken: 13002,
  notInvited: 13003,
  adminNotFound: 13004,
} as const;

export const BRANDING_ERRORS = {
  logoType: 13101,
  logoTooLarge: 13102,
  logoUnreadable: 13103,
  contrast: 13104,
  restricted: 13105,
} as const;
