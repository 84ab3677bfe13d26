// Forget every in-process cache and counter of the update path (tests, and after bulk admin changes).
import { clearPasswordCache } from "@/lib/keys/account-password";
import { clearUpdateKeyCache } from "@/lib/keys/verify-update-key";
import { reloadAgentPolicy } from "@/lib/updates/policy/agent-policy";
import { resetAgentThrottle } from "@/lib/updates/policy/agent-throttle";
import { resetNochgGuard } from "@/lib/updates/policy/nochg-guard";
import { resetHostRateLimits } from "@/lib/updates/run-update";

export function resetUpdateState(): void {
  clearPasswordCache();
  clearUpdateKeyCache();
  reloadAgentPolicy();
  resetAgentThrottle();
  resetNochgGuard();
  resetHostRateLimits();
}
