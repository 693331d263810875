import nodemailer from 'nodemailer';

export interface OutgoingMail {
  from: string;
  to: string;
  replyTo?: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  headers: Record<string, string>;
}

/** What delivery needs from a transport; nodemailer's SMTP transport in production. */
export interface Mailer {
  send(mail: OutgoingMail): Promise<{ response: string }>;
}

/** An SMTP error as nodemailer reports it: the server's reply code and text when there was one. */
export interface SmtpFailure {
  transient: boolean;
  reply: string;
}

export function classifySmtpError(err: unknown): SmtpFailure {
  const e = err as { responseCode?: number; response?: string; message?: string };
  if (typeof e?.responseCode === 'number') {
    // 4xx: try again later (greylisting, mailbox busy); 5xx: the server refused for good.
    return {
      transient: e.responseCode >= 400 && e.responseCode < 500,
      reply: (e.response ?? e.message ?? `SMTP ${e.responseCode}`).trim(),
    };
  }
  // No reply at all (connection refused, timeout, TLS): the server may come back.
  return { transient: true, reply: e?.message ?? String(err) };
}

const transports = new Map<string, Mailer>();

/** One pooled transport per SMTP_URL (smtp://user:pass@host:port or smtps://…). */
export function smtpMailer(url: string): Mailer {
  let m = transports.get(url);
  if (!m) {
    const transport = nodemailer.createTransport(url, {});
    const t = nodemailer.createTransport({
      ...(transport.options as object),
      pool: true,
      maxConnections: 2,
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      socketTimeout: 30_000,
    });
    transport.close();
    m = {
      async send(mail) {
        const info = await t.sendMail({
          from: mail.from,
          to: mail.to,
          replyTo: mail.replyTo,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          messageId: mail.messageId,
          headers: mail.headers,
        });
        return { response: String(info.response ?? '') };
      },
    };
    transports.set(url, m);
  }
  return m;
}
