// Forget every in-process cache and counter of the update path (tests, and after bulk admin changes).
import { clearPasswordCache } from "@/lib/keys/account-password";
import { clearUpdateKeyCache } from "@/lib/keys/verify-update-key";
import { reloadAgentPolicy } from "./agent-policy";
import { resetAgentThrottle } from "./agent-throttle";
import { resetNochgGuard } from "./nochg-guard";
import { resetHostRateLimits } from "./run-update";

export function resetUpdateState(): void {
  clearPasswordCache();
  clearUpdateKeyCache();
  reloadAgentPolicy();
  resetAgentThrottle();
  resetNochgGuard();
  resetHostRateLimits();
}
