// Who acts when a signed-in user changes a host from the dashboard: the owner, as a plain user.
// Staff powers (bypassing plan limits, other users' hosts) belong to the staff console, so a staff
// member's own dashboard behaves like anyone's (as API tokens do: lib/api/v1/host-json.ts).
import type { Actor } from "@/lib/hosts/actor";

/** The Actor for the dashboard's host services. */
export function ownerActor(ctx: { user: { id: string }; ip: string }): Actor {
  return { userId: ctx.user.id, role: "USER", ip: ctx.ip };
}
