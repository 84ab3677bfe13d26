// The host list page's server half, shared by /hosts and /dashboard (the signed-in home).
// A visit counts as liveness for the account's free hosts.
import { HostsView } from "@/components/hosts/hosts-view";
import { requireUser } from "@/lib/auth/context";
import { db } from "@/lib/db";
import { toUnicode } from "@/lib/dns/names";
import { countActiveClientBlocks } from "@/lib/updates/policy/list-client-blocks";
import { createHostAction } from "./actions";
import { noteDashboardVisit } from "./liveness";
import { loadHostsOverview } from "./load-hosts";

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Renders one page of the caller's hosts; `basePath` is where the page links its next page. */
export async function HostsPage({ searchParams, basePath }: { searchParams: SearchParams; basePath: "/hosts" | "/dashboard" }) {
  const { user } = await requireUser();
  const sp = await searchParams;
  const cursor = typeof sp.after === "string" ? sp.after : null;
  const [data, pausedClients] = await Promise.all([loadHostsOverview(user.id, cursor), countActiveClientBlocks(db(), { userId: user.id })]);
  noteDashboardVisit(user.id);
  const deleted = typeof sp.deleted === "string" && /^[a-z0-9.-]{1,253}$/.test(sp.deleted) ? sp.deleted : null;
  return (
    <HostsView
      basePath={basePath}
      signedInAs={user.name ? `${user.name} (${user.email})` : user.email}
      notice={deleted ? `${toUnicode(deleted)} was deleted and has left DNS. The name is held back for a while before anyone can register it again.` : undefined}
      {...data}
      pausedClients={pausedClients}
      firstPage={cursor === null}
      createAction={createHostAction}
    />
  );
}
