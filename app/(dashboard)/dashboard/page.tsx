// GET /dashboard — the signed-in home: the caller's hostnames (the same view as /hosts).
import type { Metadata } from "next";
import { HostsPage, type SearchParams } from "../hosts/hosts-page";

export const metadata: Metadata = { title: "Dashboard" };

export default function DashboardPage({ searchParams }: { searchParams: SearchParams }) {
  return <HostsPage searchParams={searchParams} basePath="/dashboard" />;
}
