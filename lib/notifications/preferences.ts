// getNotificationPreferences / setNotificationPreferences — which events a user gets by mail.
import type { Db, Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { EMAIL_EVENTS, EMAIL_EVENT_NAMES, isEmailEvent, type EmailEvent } from "./events";

export type NotificationPreferences = Record<EmailEvent, boolean>;

/** Every event with the user's choice, or its default where they never chose. */
export async function getNotificationPreferences(client: Db, args: { userId: string }): Promise<NotificationPreferences> {
  const rows = await client.notificationPreference.findMany({ where: { userId: args.userId }, select: { event: true, email: true } });
  const chosen = new Map(rows.map((r) => [r.event, r.email]));
  return Object.fromEntries(EMAIL_EVENT_NAMES.map((e) => [e, chosen.get(e) ?? EMAIL_EVENTS[e].default])) as NotificationPreferences;
}

/** Stores the given choices (others stay as they are); VALIDATION on field "event" for unknown events. */
export async function setNotificationPreferences(
  client: Db,
  args: { userId: string; email: Partial<Record<string, boolean>> },
): Promise<NotificationPreferences> {
  const entries = Object.entries(args.email).filter((e): e is [string, boolean] => typeof e[1] === "boolean");
  const unknown = entries.map(([e]) => e).filter((e) => !isEmailEvent(e));
  if (unknown.length) throw new AppError("VALIDATION", `Unknown notification event: ${unknown.join(", ")}.`, { field: "event" });
  await client.$transaction(
    entries.map(([event, email]) =>
      client.notificationPreference.upsert({
        where: { userId_event: { userId: args.userId, event } },
        create: { userId: args.userId, event, email },
        update: { email },
      }),
    ),
  );
  return getNotificationPreferences(client, { userId: args.userId });
}

/**
 * THE mail-preference rule, as an SQL boolean over a user id expression: the user's choice for
 * `event`, or the event's default when they never chose. `event` comes from the closed catalogue.
 */
export function wantsMailSql(event: EmailEvent, userIdSql: string): string {
  if (!isEmailEvent(event)) throw new Error(`unknown mail event ${String(event)}`);
  const chosen = `FROM "NotificationPreference" p WHERE p."userId" = ${userIdSql} AND p."event" = '${event}'`;
  return EMAIL_EVENTS[event].default ? `NOT EXISTS (SELECT 1 ${chosen} AND NOT p."email")` : `EXISTS (SELECT 1 ${chosen} AND p."email")`;
}

/** Whether the user wants this event by mail (one indexed read, the rule of wantsMailSql). */
export async function wantsEmail(client: Db | Tx, args: { userId: string; event: EmailEvent }): Promise<boolean> {
  const [row] = await client.$queryRawUnsafe<{ wants: boolean }[]>(`SELECT ${wantsMailSql(args.event, "$1::uuid")} AS "wants"`, args.userId);
  return row?.wants === true;
}
