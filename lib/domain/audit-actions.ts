// Every action the audit log records, by area. `audit()` accepts only these (a new
// action is added here first), so the Activity filter lists them without asking the
// database for its distinct values (a scan of the whole log).
export const AUDIT_ACTIONS = [
  'admin.invitation.cancel', 'admin.invitation.resend', 'admin.invite', 'admin.remove', 'admin.roles.change',
  'api_token.create', 'api_token.revoke',
  'auth.signIn.failed',
  'billing.report.create', 'billing.report.delete', 'billing.report.expire',
  'branding.logo.remove', 'branding.logo.upload', 'branding.update',
  'customer.attach', 'customer.attach.approve', 'customer.attach.decline', 'customer.create', 'customer.delete', 'customer.rbpm.update', 'customer.retry', 'customer.update',
  'email.failed', 'email.sent',
  'location.create',
  'org.rename',
  'orgSettings.domain.update', 'orgSettings.email.update', 'orgSettings.sso.update',
  'subPartner.create', 'subPartner.reactivate', 'subPartner.suspend',
  /** Written by the demo seed for the indirect providers it sets up. */
  'sub_partner.create',
  'subscriber.create', 'subscriber.number.update', 'subscriber.package.change', 'subscriber.remove',
  'template.create', 'template.delete', 'template.update',
  'trial.extend', 'trial.request', 'trial.request.resend', 'trial.services', 'trial.ship', 'trial.start', 'trial.status_changed',
  'user.update',
  'webhook.create', 'webhook.delete', 'webhook.disable', 'webhook.enable', 'webhook.redeliver', 'webhook.secret.rotate', 'webhook.update',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const isAuditAction = (v: string): v is AuditAction => (AUDIT_ACTIONS as readonly string[]).includes(v);
