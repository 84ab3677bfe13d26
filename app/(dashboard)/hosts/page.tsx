// GET /hosts — the caller's hostnames (50 per page, keyset ?after=), the create form and plan usage.
import type { Metadata } from "next";
import { HostsPage, type SearchParams } from "./hosts-page";

export const metadata: Metadata = { title: "Hostnames" };

export default function Page({ searchParams }: { searchParams: SearchParams }) {
  return <HostsPage searchParams={searchParams} basePath="/hosts" />;
}
