// One template per e-mail kind: the HTML and the plain-text part come from the same
// content (the outbox row) and the sender's branding, so they never disagree.
import type { EffectiveBranding } from '@/lib/branding/effective-branding';

export interface EmailContent {
  kind: string;
  subject: string;
  body: string;
}
export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
  listUnsubscribe: boolean;
}

interface KindTemplate {
  heading: (c: EmailContent) => string;
  /** Label of the button made from the first link in the body. */
  action?: string;
  /** Notifications someone may opt out of get List-Unsubscribe; account e-mails don't. */
  notification?: boolean;
}

const TEMPLATES: Record<string, KindTemplate> = {
  invitation: { heading: () => "You're invited to Partner Hub", action: 'Set your password' },
  welcome: { heading: () => 'Welcome', action: 'Open Control Hub' },
  rbpm_changed: { heading: () => 'Your partner changed your settings', notification: true },
  trial_consent_request: { heading: () => 'Please confirm your trial', action: 'Review the trial' },
  trial_expiry: { heading: () => 'Your trial is ending', notification: true },
};
const GENERIC: KindTemplate = { heading: (c) => c.subject };

export const templateFor = (kind: string) => TEMPLATES[kind] ?? GENERIC;

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
const URL_RE = /(https?:\/\/[^\s<>"']+)/g;

function paragraphsHtml(body: string, accent: string) {
  return body
    .split(/\n{2,}/)
    .map((p) => {
      const html = escapeHtml(p)
        .replace(URL_RE, (u) => `<a href="${u}" style="color:${accent}">${u}</a>`)
        .replace(/\n/g, '<br>');
      return `<p style="margin:0 0 16px">${html}</p>`;
    })
    .join('');
}

export function renderEmail(content: EmailContent, brand: EffectiveBranding, absolute: (path: string) => string): RenderedEmail {
  const t = templateFor(content.kind);
  const accent = brand.lightAccent ?? '#0a5bd6';
  const sender = brand.sourceOrgName ?? 'Partner Hub';
  const link = content.body.match(URL_RE)?.[0];
  const footerText = [`Sent by ${sender} via Partner Hub.`, brand.supportUrl ? `Contact support: ${brand.supportUrl}` : null]
    .filter(Boolean)
    .join('\n');
  const text = `${content.body.trim()}\n\n--\n${footerText}\n`;
  const logo = brand.logoUrl
    ? `<img src="${escapeHtml(absolute(brand.logoUrl))}" alt="${escapeHtml(sender)}" style="max-height:48px;max-width:200px">`
    : `<strong style="font-size:18px;color:${accent}">${escapeHtml(sender)}</strong>`;
  const button =
    t.action && link
      ? `<p style="margin:24px 0"><a href="${escapeHtml(link)}" style="background:${accent};color:#ffffff;padding:10px 18px;border-radius:6px;text-decoration:none;font-weight:600">${escapeHtml(t.action)}</a></p>`
      : '';
  const support = brand.supportUrl ? ` <a href="${escapeHtml(brand.supportUrl)}" style="color:${accent}">Contact support</a>` : '';
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(content.subject)}</title></head>
<body style="margin:0;background:#f1f5f9;font-family:Arial,Helvetica,sans-serif;color:#0f172a">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center" style="padding:24px">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" style="background:#ffffff;border-radius:8px;border-top:4px solid ${accent}">
<tr><td style="padding:24px 32px 8px">${logo}</td></tr>
<tr><td style="padding:8px 32px 24px;font-size:15px;line-height:1.5">
<h1 style="font-size:20px;margin:0 0 16px">${escapeHtml(t.heading(content))}</h1>
${paragraphsHtml(content.body.trim(), accent)}${button}
</td></tr>
<tr><td style="padding:16px 32px;border-top:1px solid #e2e8f0;font-size:12px;color:#475569">Sent by ${escapeHtml(sender)} via Partner Hub.${support}</td></tr>
</table></td></tr></table></body></html>`;
  return { subject: content.subject, text, html, listUnsubscribe: !!t.notification };
}
