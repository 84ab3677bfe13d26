// The gate of /dev/mail: 404 when the outbox is off, ADMIN only when it is not explicitly open.
import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth/context";
import { outboxAccess } from "@/lib/mail/outbox-access";

/** Returns when the caller may read the outbox; otherwise 404 (or sign-in for the admin rule). */
export async function requireOutboxReader(): Promise<void> {
  const access = outboxAccess();
  if (access === "off") notFound();
  if (access === "admin") await requireRole("ADMIN");
}
