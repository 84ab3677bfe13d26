// Webhook signatures. A receiver recomputes HMAC-SHA256(secret, "<timestamp>.<raw body>") and
// compares it with the Dynhost-Signature header ("v1=<hex>"), and rejects old timestamps.
import { createHmac, timingSafeEqual } from "node:crypto";
import { generateSecret } from "@/lib/secrets/secret";

export const SIGNATURE_HEADER = "dynhost-signature";
export const TIMESTAMP_HEADER = "dynhost-timestamp";
export const EVENT_HEADER = "dynhost-event";
export const DELIVERY_HEADER = "dynhost-delivery";

/** A fresh signing secret: "whsec_" + 43 base64url characters. */
export function generateWebhookSecret(): string {
  return generateSecret("webhook").secret;
}

/** The Dynhost-Signature value for a body sent at `timestamp` (Unix seconds). */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return "v1=" + createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
}

/** Receiver side: true when the signature matches and the timestamp is within `toleranceS` of now. */
export function verifyWebhookSignature(args: {
  secret: string;
  body: string;
  timestamp: string | null | undefined;
  signature: string | null | undefined;
  now?: Date;
  toleranceS?: number;
}): boolean {
  const ts = Number(args.timestamp);
  if (!args.signature || !Number.isInteger(ts)) return false;
  const now = Math.floor((args.now ?? new Date()).getTime() / 1000);
  if (Math.abs(now - ts) > (args.toleranceS ?? 300)) return false;
  const expected = Buffer.from(signWebhook(args.secret, ts, args.body));
  const given = Buffer.from(args.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
