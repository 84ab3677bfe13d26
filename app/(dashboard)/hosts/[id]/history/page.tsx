// GET /hosts/[id]/history — the host's update requests (25 per page, keyset ?cursor=) and a chart of
// its address changes over the last 30 days.
import type { Metadata } from "next";
import { HistoryTable } from "@/components/hosts/history-table";
import { HostHeader } from "@/components/hosts/host-header";
import { dnsState } from "@/components/hosts/host-state";
import { IpChart } from "@/components/hosts/ip-chart";
import { Card } from "@/components/ui/card";
import { Pager } from "@/components/ui/pager";
import { db } from "@/lib/db";
import { requireUser } from "@/lib/auth/context";
import { isAppError } from "@/lib/errors";
import { ipChangeSeries } from "@/lib/history/ip-change-series";
import { listUpdateHistory } from "@/lib/history/list-update-history";
import { ownHostOrNotFound } from "../own-host";

export const metadata: Metadata = { title: "Update history" };

const PAGE_SIZE = 25;
const CHART_DAYS = 30;

type Params = Promise<{ id: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function HistoryPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { user } = await requireUser();
  const [{ id }, sp] = await Promise.all([params, searchParams]);
  const { host, rrsets } = await ownHostOrNotFound(user.id, id);
  const cursor = typeof sp.cursor === "string" ? sp.cursor : null;
  const until = new Date();
  const since = new Date(until.getTime() - CHART_DAYS * 86_400_000);
  const list = (c: string | null) => listUpdateHistory(db(), { userId: user.id, hostId: host.id, cursor: c, limit: PAGE_SIZE });
  const [page, series] = await Promise.all([
    list(cursor).catch((e: unknown) => (isAppError(e) && e.field === "cursor" ? list(null) : Promise.reject(e))),
    cursor ? null : ipChangeSeries(db(), { userId: user.id, hostId: host.id, since, until }),
  ]);
  return (
    <div className="space-y-6">
      <HostHeader host={host} dns={dnsState(rrsets)} tab="/history" />
      {series ? (
        <Card title="Address changes" description={`Every successful change over the last ${CHART_DAYS} days.`}>
          <IpChart points={series.points} since={since} until={until} />
        </Card>
      ) : null}
      <Card title="Update requests" description="What your update clients asked for, and what they were told. Kept for 90 days.">
        {page.items.length ? (
          <HistoryTable rows={page.items} />
        ) : (
          <p className="text-sm text-zinc-600">{cursor ? "No older updates." : "No updates yet: set up your router and its first update shows here."}</p>
        )}
        <Pager basePath={`/hosts/${host.id}/history`} cursor={cursor} nextCursor={page.nextCursor} />
      </Card>
    </div>
  );
}
