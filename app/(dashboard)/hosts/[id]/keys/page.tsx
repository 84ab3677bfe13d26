// GET /hosts/[id]/keys — the host's update keys (list with last use, revoke) and a form for a new
// one; the new secret is shown once, with the router settings filled in.
import type { Metadata } from "next";
import { CreateKeyForm } from "@/components/hosts/create-key-form";
import { HostHeader } from "@/components/hosts/host-header";
import { dnsState } from "@/components/hosts/host-state";
import { KeyTable } from "@/components/hosts/key-table";
import { Card } from "@/components/ui/card";
import { db } from "@/lib/db";
import { publicUrl } from "@/lib/env";
import { requireUser } from "@/lib/auth/context";
import { createKeyAction, revokeKeyAction } from "../../../keys/actions";
import { ownHostOrNotFound } from "../own-host";

export const metadata: Metadata = { title: "Update keys" };

const KEY_FIELDS = {
  id: true, label: true, prefix: true, recordTypes: true, allowedCidrs: true, expiresAt: true,
  lastUsedAt: true, lastUsedIp: true, revokedAt: true, createdAt: true,
} as const;

export default async function HostKeysPage({ params }: { params: Promise<{ id: string }> }) {
  const { user } = await requireUser();
  const { id } = await params;
  const { host, rrsets } = await ownHostOrNotFound(user.id, id);
  const [keys, owner] = await Promise.all([
    db().updateKey.findMany({ where: { ownerId: user.id, hostId: host.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: KEY_FIELDS }),
    db().user.findUniqueOrThrow({ where: { id: user.id }, select: { plan: { select: { recordTypes: true } } } }),
  ]);
  return (
    <div className="space-y-6">
      <HostHeader host={host} dns={dnsState(rrsets)} tab="/keys" />
      <Card title="Keys of this hostname" description="Each key updates only this hostname. Account-wide keys are on the Update keys page.">
        <KeyTable keys={keys} showHost={false} revoke={revokeKeyAction} />
      </Card>
      <Card title="Create an update key">
        <CreateKeyForm hostId={host.id} planTypes={owner.plan.recordTypes} action={createKeyAction} setup={{ baseUrl: publicUrl(), fqdn: host.fqdn }} />
      </Card>
    </div>
  );
}
