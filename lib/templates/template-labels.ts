// UI names of template settings (SPEC §3), shared by the list, detail and wizard.
import type { AuthMode } from '@/lib/domain/statuses';

export const TEMPLATE_TYPE_LABELS = { webex_wholesale: 'Webex for Wholesale' } as const;

export const AUTH_MODE_LABELS: Record<AuthMode, string> = {
  webex: 'Webex authentication',
  saml: 'Partner authentication (SAML)',
  oidc: 'Partner authentication (OpenID Connect)',
};
