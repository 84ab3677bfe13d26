// GET /keys — every update key of the account (per host and account-wide), the update clients
// paused after a storm of unchanged updates (with a button to let them update again), and the
// form for an account-wide key (it may update any of the account's hostnames).
import type { Metadata } from "next";
import { CreateKeyForm } from "@/components/hosts/create-key-form";
import { DashboardNav } from "@/components/hosts/dashboard-nav";
import { ClientBlockTable } from "@/components/hosts/client-block-table";
import { KeyTable } from "@/components/hosts/key-table";
import { Card } from "@/components/ui/card";
import { db } from "@/lib/db";
import { requireUser } from "@/lib/auth/context";
import { listUpdateKeys } from "@/lib/keys/revoke-update-key";
import { listClientBlocks } from "@/lib/updates/policy/list-client-blocks";
import { createKeyAction, liftBlockAction, revokeKeyAction } from "./actions";

export const metadata: Metadata = { title: "Update keys" };

export default async function KeysPage() {
  const { user } = await requireUser();
  const [keys, owner, blocks] = await Promise.all([
    listUpdateKeys(db(), { ownerId: user.id }),
    db().user.findUniqueOrThrow({ where: { id: user.id }, select: { plan: { select: { recordTypes: true } } } }),
    listClientBlocks(db(), { userId: user.id }),
  ]);
  const active = blocks.filter((b) => b.active);
  const keyNames = new Map(keys.map((k) => [k.id, k.label || `${k.prefix}…`]));
  return (
    <div>
      <DashboardNav current="/keys" />
      <div className="space-y-6">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Update keys</h1>
          <p className="mt-1 text-sm text-zinc-600">
            Routers and update clients sign in with a key instead of your password. A host&apos;s own keys are made on its page; an
            account-wide key may update any of your hostnames.
          </p>
        </div>
        {active.length ? (
          <Card title="Paused update clients" description="These clients kept sending the address that was already set, so their updates are refused for a while. Set them to check less often, then let them update again.">
            <ClientBlockTable blocks={active} keyNames={keyNames} lift={liftBlockAction} />
          </Card>
        ) : null}
        <Card title="Your keys">
          <KeyTable keys={keys} showHost revoke={revokeKeyAction} />
        </Card>
        <Card title="Create an account-wide key" description="Use it as the password with your account email, or any of your hostnames, as the user name.">
          <CreateKeyForm hostId={null} planTypes={owner.plan.recordTypes} action={createKeyAction} setup={null} />
        </Card>
      </div>
    </div>
  );
}
