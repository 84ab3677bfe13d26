"use server";
// Host page actions: each re-checks the caller (userAction) and the host's owner (the services
// look the host up with the caller's id), then calls one service.
import net from "node:net";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { db } from "@/lib/db";
import { toUnicode } from "@/lib/dns/names";
import { AppError } from "@/lib/errors";
import { userAction } from "@/lib/auth/action";
import { deleteHost } from "@/lib/hosts/delete-host";
import { getHostOrThrow } from "@/lib/hosts/get-host-or-throw";
import { setRecords } from "@/lib/hosts/set-records";
import { redeemHost } from "@/lib/liveness/redeem";
import { deleteHostSchema, hostActionSchema } from "@/lib/validation/hosts";
import { recordsSchema, removeRecordsSchema } from "@/lib/validation/records";
import { ownerActor } from "@/lib/auth/actor";

const page = (hostId: string) => `/hosts/${hostId}`;
/** "A records", "A records at *.alice.dyn.example". */
const what = (type: string, owner: string, name: string) => (name === "@" ? `${type} records` : `${type} records at ${owner}`);

// POST /hosts/[id] — replace one rrset (at the host, its wildcard or its _acme-challenge)
export const saveRecordsAction = userAction(recordsSchema(), async ({ hostId, name, type, values, ttl }, ctx) => {
  const r = await setRecords({ hostId, name, type, values, ttl, actor: ownerActor(ctx) });
  revalidatePath(page(hostId));
  return { ok: true, message: r.changed ? `${what(type, r.owner, name)} saved.` : "Nothing changed." };
});

// POST /hosts/[id] — remove one rrset
export const removeRecordsAction = userAction(removeRecordsSchema, async ({ hostId, name, type }, ctx) => {
  const r = await setRecords({ hostId, name, type, values: [], actor: ownerActor(ctx) });
  revalidatePath(page(hostId));
  return { ok: true, message: `${what(type, r.owner, name)} removed.` };
});

// POST /hosts/[id] — point the host at the address this request comes from
export const setMyIpAction = userAction(hostActionSchema, async ({ hostId }, ctx) => {
  const family = net.isIP(ctx.ip);
  if (family === 0) throw new AppError("BAD_REQUEST", "We cannot tell your address from this request.");
  const type = family === 4 ? "A" : "AAAA";
  await setRecords({ hostId, type, values: [ctx.ip], actor: ownerActor(ctx) });
  revalidatePath(page(hostId));
  return { ok: true, message: `${type} set to ${ctx.ip}.` };
});

// POST /hosts/[id] — bring an expired host back
export const redeemHostAction = userAction(hostActionSchema, async ({ hostId }, ctx) => {
  await redeemHost(db(), { userId: ctx.user.id, hostId, ip: ctx.ip });
  revalidatePath(page(hostId));
  return { ok: true, message: "Welcome back: the host is active again." };
});

// POST /hosts/[id] — delete the host after the name was typed to confirm
export const deleteHostAction = userAction(deleteHostSchema, async ({ hostId, confirm }, ctx) => {
  const host = await getHostOrThrow({ id: hostId, userId: ctx.user.id });
  const typed = confirm.toLowerCase().replace(/\.$/, "");
  if (typed !== host.fqdn && typed !== toUnicode(host.fqdn)) {
    throw new AppError("VALIDATION", `Type ${toUnicode(host.fqdn)} exactly to confirm.`, { field: "confirm" });
  }
  const { fqdn } = await deleteHost({ hostId: host.id, actor: ownerActor(ctx) });
  revalidatePath("/hosts");
  redirect(`/hosts?deleted=${encodeURIComponent(fqdn)}`);
});
