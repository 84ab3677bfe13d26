// What a process does with an invalidation message: call the same forget functions a local change
// calls. The caches live in process-wide state (lib/process-state.ts), so forgetting here reaches
// both copies of our modules in the web process (Next's bundle and the machine router).
import { clearPasswordCache, forgetAccountPasswords } from "@/lib/keys/account-password";
import { clearUpdateKeyCache, forgetUpdateKey, forgetUserKeys } from "@/lib/keys/verify-update-key";
import { clearApiTokenCache, forgetApiToken, forgetUserTokens } from "@/lib/tokens/verify-api-token";
import { forgetNochgCount } from "@/lib/updates/policy/nochg-guard";
import type { InvalidationMessage } from "./invalidation";

/** Forgets every cached credential lookup of this process (keys, passwords, API tokens). */
export function clearCredentialCaches(): void {
  clearUpdateKeyCache();
  clearPasswordCache();
  clearApiTokenCache();
}

export function applyInvalidation(msg: InvalidationMessage): void {
  switch (msg.k) {
    case "key":
      return forgetUpdateKey(msg.id);
    case "token":
      return forgetApiToken(msg.id);
    case "user":
      forgetAccountPasswords(msg.id);
      forgetUserKeys(msg.id);
      forgetUserTokens(msg.id);
      return;
    case "nochg":
      return forgetNochgCount(msg.credential);
    case "all":
      return clearCredentialCaches();
  }
}
