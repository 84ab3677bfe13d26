// Outgoing mail. Every message is recorded in MailMessage; with SMTP_URL it is delivered through
// nodemailer, otherwise it stays in the dev outbox (readable at /dev/mail).
import nodemailer, { type Transporter } from "nodemailer";
import { db, type Db, type Tx } from "@/lib/db";
import { devMailOutboxEnabled, env } from "@/lib/env";

export type Mail = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /**
   * Secrets inside the body (one-time link tokens). They are delivered, but the stored copy has them
   * replaced by "[redacted]" unless the dev outbox is on (it has to show the link).
   */
  secrets?: string[];
};

export type SendResult = { id: string; delivered: boolean };

const globalForMail = globalThis as unknown as { dynhostMailTransport?: { url: string; t: Transporter } };

function transport(url: string): Transporter {
  const cached = globalForMail.dynhostMailTransport;
  if (cached?.url === url) return cached.t;
  const t = nodemailer.createTransport(url);
  globalForMail.dynhostMailTransport = { url, t };
  return t;
}

function redact(s: string | undefined, secrets: string[]): string | undefined {
  if (s === undefined) return s;
  return secrets.reduce((acc, secret) => (secret ? acc.split(secret).join("[redacted]") : acc), s);
}

/**
 * sendMail — records the message, then delivers it when SMTP_URL is set. A delivery failure is
 * recorded on the row and logged, never thrown: callers' answers MUST NOT depend on it (no account
 * enumeration through errors).
 */
export async function sendMail(mail: Mail, client: Db | Tx = db()): Promise<SendResult> {
  const keepSecrets = devMailOutboxEnabled();
  const secrets = keepSecrets ? [] : (mail.secrets ?? []);
  const row = await client.mailMessage.create({
    data: { to: mail.to, subject: mail.subject, text: redact(mail.text, secrets)!, html: redact(mail.html, secrets) ?? null },
    select: { id: true },
  });
  const url = env().SMTP_URL;
  if (!url) return { id: row.id, delivered: false };
  try {
    await transport(url).sendMail({ from: env().MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
    await client.mailMessage.update({ where: { id: row.id }, data: { sentAt: new Date() } });
    return { id: row.id, delivered: true };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    console.error(`[mail] delivery of ${row.id} failed: ${message}`);
    await client.mailMessage.update({ where: { id: row.id }, data: { error: message.slice(0, 500) } });
    return { id: row.id, delivered: false };
  }
}
