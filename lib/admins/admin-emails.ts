import { appUrl } from '@/lib/platform/app-url';
import { queueEmail } from '@/lib/platform/outbox';
import type { ServiceCtx } from '@/lib/platform/service-ctx';

/** The invitation e-mail of Settings → Administrators (first invitation and re-sends). */
export async function queueAdminInvitation(ctx: ServiceCtx, to: { email: string; firstName: string }, token: string) {
  const org = ctx.access.org;
  await queueEmail(ctx, {
    to: to.email,
    orgId: org.id,
    kind: 'invitation',
    subject: `You're invited to administer ${org.name} in Partner Hub`,
    body: `Hello ${to.firstName},\n\n${ctx.access.actor.name} invited you to administer ${org.name} in Partner Hub.\n\nSet your password within 7 days: ${appUrl(`/invite/${token}`)}`,
  });
}
