// GET /hosts/[id] — one host: its state, its records (editor, "use my current IP"), liveness and
// the danger zone. Another user's host is a 404.
import type { Metadata } from "next";
import { formatTime } from "@/components/account/format-time";
import { ActionButton } from "@/components/forms/action-button";
import { DeleteHostForm } from "@/components/hosts/delete-host-form";
import { HostHeader } from "@/components/hosts/host-header";
import { dnsState } from "@/components/hosts/host-state";
import { RefreshWhilePending } from "@/components/hosts/refresh-while-pending";
import { RecordsSection } from "@/components/records/records-section";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { db } from "@/lib/db";
import { requestMeta, requireUser } from "@/lib/auth/context";
import { toUnicode } from "@/lib/dns/names";
import { QUARANTINE_DAYS } from "@/lib/hosts/delete-host";
import { deleteHostAction, redeemHostAction, removeRecordsAction, saveRecordsAction, setMyIpAction } from "./actions";
import { ownHostOrNotFound } from "./own-host";

export const metadata: Metadata = { title: "Hostname" };

type Params = Promise<{ id: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function HostPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { user } = await requireUser();
  const [{ id }, sp, meta] = await Promise.all([params, searchParams, requestMeta()]);
  const [{ host, rrsets }, owner] = await Promise.all([
    ownHostOrNotFound(user.id, id),
    db().user.findUniqueOrThrow({ where: { id: user.id }, select: { plan: { select: { minTtl: true, recordTypes: true, features: true } } } }),
  ]);
  const dns = dnsState(rrsets);
  const display = toUnicode(host.fqdn);
  return (
    <div className="space-y-6">
      <HostHeader host={host} dns={dns} tab="" />
      <RefreshWhilePending pending={dns === "pending"} />
      {sp.created === "1" ? <Alert tone="success">{display} is yours. Give it an address below, then set up your router.</Alert> : null}
      {host.status === "EXPIRED" ? (
        <Card title="Bring it back" description="Expired hostnames are kept for 30 days; after that the name is released.">
          <ActionButton action={redeemHostAction} label="Bring this hostname back" variant="primary" fields={{ hostId: host.id }} />
        </Card>
      ) : null}
      {host.status === "ACTIVE" && host.expiresAt ? (
        <p className="text-sm text-zinc-600" data-testid="liveness">
          Free hostnames need a sign of life every 30 days. This one stays active until {formatTime(host.expiresAt)}: any update from your
          router, a visit to your host list or the link we mail you moves the date.
        </p>
      ) : null}
      <RecordsSection
        host={{ id: host.id, fqdn: host.fqdn }}
        rrsets={rrsets}
        plan={owner.plan}
        clientIp={meta.ip}
        actions={{ save: saveRecordsAction, remove: removeRecordsAction, setMyIp: setMyIpAction }}
      />
      <DeleteHostForm hostId={host.id} display={display} quarantineDays={QUARANTINE_DAYS} action={deleteHostAction} />
    </div>
  );
}
