// GET /account/security — two-factor authentication and signed-in browsers.
import type { Metadata } from "next";
import { SessionsSection } from "@/components/account/sessions-section";
import { TotpSection } from "@/components/account/totp-section";
import { Alert } from "@/components/ui/alert";
import { db } from "@/lib/db";
import { requireUser } from "@/lib/auth/context";
import { isStaff } from "@/lib/auth/roles";
import { listSessions } from "@/lib/auth/sessions";
import { totpStatus } from "@/lib/auth/totp-settings";
import {
  confirmTotpAction,
  disableTotpAction,
  revokeSessionAction,
  signOutEverywhereAction,
  startTotpAction,
} from "./actions";

export const metadata: Metadata = { title: "Security" };

export default async function SecurityPage({ searchParams }: { searchParams: Promise<{ staff?: string }> }) {
  const ctx = await requireUser();
  const [status, sessions, sp] = await Promise.all([totpStatus(db(), ctx.user.id), listSessions(db(), ctx.user.id), searchParams]);
  const staff = isStaff(ctx.role);
  let staffNotice: string | undefined;
  if (staff && sp.staff === "totp") {
    staffNotice =
      status.state === "enabled"
        ? "To open the staff console, sign out and sign in again with your authentication code."
        : "The staff console needs two-factor authentication. Set it up below, then open the console again.";
  }
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Security</h1>
      {staffNotice ? <Alert tone="info">{staffNotice}</Alert> : null}
      <TotpSection
        status={status}
        staff={staff}
        actions={{ start: startTotpAction, confirm: confirmTotpAction, disable: disableTotpAction }}
      />
      <SessionsSection
        sessions={sessions}
        currentId={ctx.sessionId}
        actions={{ revoke: revokeSessionAction, revokeAll: signOutEverywhereAction }}
      />
    </div>
  );
}
