// The request budget of clients whose User-Agent policy is THROTTLE, per credential.
import { env } from "@/lib/env";
import { TokenBuckets } from "@/lib/rate-limit/token-buckets";

const buckets = new TokenBuckets(() => ({ burst: env().AGENT_THROTTLE_BURST, refillMs: env().AGENT_THROTTLE_REFILL_S * 1000 }));

/** Spends one request of the credential's budget; returns the seconds to wait when it is used up. */
export function spendThrottled(credential: string): { ok: true } | { ok: false; retryAfter: number } {
  if (!buckets.allows(credential)) return { ok: false, retryAfter: buckets.retryAfter(credential) };
  buckets.take(credential);
  return { ok: true };
}

/** Forget every budget (tests). */
export function resetAgentThrottle(): void {
  buckets.clear();
}
