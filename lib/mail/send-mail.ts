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

// Bounded waits: a server that accepts the connection and then hangs must not hold a worker's
// transaction (notifications, retries) for nodemailer's default minutes. nodemailer reads its
// options from the URL's query; values already given there win.
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 };
export function withTimeouts(url: string): string {
  const missing = Object.entries(TIMEOUTS).filter(([k]) => !new RegExp(`[?&]${k}=`).test(url));
  if (missing.length === 0) return url;
  return url + (url.includes("?") ? "&" : "?") + missing.map(([k, v]) => `${k}=${v}`).join("&");
}

function transport(url: string): Transporter {
  const cached = globalForMail.dynhostMailTransport;
  if (cached?.url === url) return cached.t;
  const t = nodemailer.createTransport(withTimeouts(url));
  globalForMail.dynhostMailTransport = { url, t };
  return t;
}

function redact(s: string | undefined, secrets: string[]): string | undefined {
  if (s === undefined) return s;
  return secrets.reduce((acc, secret) => (secret ? acc.split(secret).join("[redacted]") : acc), s);
}

/** Delivery attempts of one message at most; then it stays failed (visible in the row's error). */
export const MAIL_MAX_ATTEMPTS = 5;

/** Wait before attempt n+1 after n failed ones: 1, 5, 25, 125 minutes. */
export function mailRetryDelayMs(attempts: number): number {
  return 60_000 * 5 ** Math.max(0, attempts - 1);
}

type Delivery = { id: string; to: string; subject: string; text: string; html?: string | null; attempts: number };

// One SMTP attempt; the row records the outcome: sentAt, or the error and when to try again. A
// message whose stored copy lost its secrets (one-time links) cannot be sent again as it was: no
// retry for it (the user asks for a new link).
async function deliver(client: Db | Tx, url: string, m: Delivery, retryable: boolean, now = new Date()): Promise<boolean> {
  const attempts = m.attempts + 1;
  try {
    await transport(url).sendMail({ from: env().MAIL_FROM, to: m.to, subject: m.subject, text: m.text, html: m.html ?? undefined });
    await client.mailMessage.update({ where: { id: m.id }, data: { sentAt: new Date(), error: null, attempts, nextAttemptAt: null } });
    return true;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const again = retryable && attempts < MAIL_MAX_ATTEMPTS;
    console.error(`[mail] delivery of ${m.id} failed (attempt ${attempts}${again ? "; will retry" : ""}): ${message}`);
    const nextAttemptAt = again ? new Date(now.getTime() + mailRetryDelayMs(attempts)) : null;
    await client.mailMessage.update({ where: { id: m.id }, data: { error: message.slice(0, 500), attempts, nextAttemptAt } });
    return false;
  }
}

/**
 * sendMail — records the message, then delivers it when SMTP_URL is set. A delivery failure is
 * recorded on the row and logged, never thrown: callers' answers MUST NOT depend on it (no account
 * enumeration through errors). The worker retries failed deliveries (retryMail) with backoff,
 * except for messages whose stored copy had secrets redacted.
 */
export async function sendMail(mail: Mail, client: Db | Tx = db()): Promise<SendResult> {
  const keepSecrets = devMailOutboxEnabled();
  // Only secrets the message really carries count: they make its stored copy unsendable.
  const secrets = keepSecrets ? [] : (mail.secrets ?? []).filter((x) => x && (mail.text.includes(x) || mail.html?.includes(x)));
  const row = await client.mailMessage.create({
    data: { to: mail.to, subject: mail.subject, text: redact(mail.text, secrets)!, html: redact(mail.html, secrets) ?? null },
    select: { id: true },
  });
  const url = env().SMTP_URL;
  if (!url) return { id: row.id, delivered: false };
  const delivered = await deliver(client, url, { id: row.id, ...mail, attempts: 0 }, secrets.length === 0);
  return { id: row.id, delivered };
}

/** retryMail — the worker's job: sends again the failed messages that are due; returns counts. */
export async function retryMail(client: Db, args: { now?: Date; limit?: number } = {}): Promise<{ sent: number; failed: number }> {
  const url = env().SMTP_URL;
  if (!url) return { sent: 0, failed: 0 };
  const now = args.now ?? new Date();
  return client.$transaction(
    async (tx) => {
      const due = await tx.$queryRawUnsafe<Delivery[]>(
        `SELECT "id"::text AS "id", "to", "subject", "text", "html", "attempts" FROM "MailMessage"
          WHERE "nextAttemptAt" <= $1 AND "sentAt" IS NULL ORDER BY "nextAttemptAt" LIMIT $2 FOR UPDATE SKIP LOCKED`,
        now,
        args.limit ?? 20,
      );
      const out = { sent: 0, failed: 0 };
      for (const m of due) (await deliver(tx, url, m, true, now)) ? out.sent++ : out.failed++;
      return out;
    },
    { timeout: 300_000, maxWait: 30_000 },
  );
}
