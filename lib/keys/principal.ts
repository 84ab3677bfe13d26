// Who an update request acts for, once its credential is verified (an update key or the account
// password). Carries everything the update path needs so it never re-reads the key or the plan.
import type net from "node:net";
import type { RRType } from "@/lib/dns/types";

export type PlanLimits = {
  id: string;
  features: ReadonlySet<string>;
  recordTypes: ReadonlySet<RRType>;
  minTtl: number;
};

/**
 * Contract: `recordTypes` is already the intersection of the key's scope and the plan's types;
 * `hostId` non-null means the credential may touch that host only; `cidrs` null means any source.
 */
export type Principal = {
  kind: "key" | "password";
  /** "key:<UpdateKey.id>" or "user:<User.id>": the unit nochg storms and client blocks apply to. */
  credential: string;
  userId: string;
  keyId: string | null;
  hostId: string | null;
  recordTypes: ReadonlySet<RRType>;
  cidrs: net.BlockList | null;
  expiresAt: Date | null;
  plan: PlanLimits;
};
