// GET /hosts/[id]/setup — ready-to-paste settings for ddclient, inadyn, Fritz!Box, pfSense,
// OPNsense, Synology, UniFi and curl, for this host.
import type { Metadata } from "next";
import { HostHeader } from "@/components/hosts/host-header";
import { dnsState } from "@/components/hosts/host-state";
import { SetupPanel } from "@/components/hosts/setup-panel";
import { Card } from "@/components/ui/card";
import { publicUrl } from "@/lib/env";
import { requireUser } from "@/lib/auth/context";
import { createKeyAction } from "../../../keys/actions";
import { ownHostOrNotFound } from "../own-host";

export const metadata: Metadata = { title: "Router setup" };

export default async function SetupPage({ params }: { params: Promise<{ id: string }> }) {
  const { user } = await requireUser();
  const { id } = await params;
  const { host, rrsets } = await ownHostOrNotFound(user.id, id);
  return (
    <div className="space-y-6">
      <HostHeader host={host} dns={dnsState(rrsets)} tab="/setup" />
      <Card title="Router setup" description="Every client below speaks the dyndns2 protocol: user name = this hostname, password = an update key.">
        <SetupPanel hostId={host.id} baseUrl={publicUrl()} fqdn={host.fqdn} createKey={createKeyAction} />
      </Card>
    </div>
  );
}
