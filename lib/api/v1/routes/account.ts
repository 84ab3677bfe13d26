// GET /api/v1/account — the token owner's profile, plan and host count.
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { scoped } from "../auth";
import type { V1Env } from "../context";
import { AccountSchema } from "../schemas/account";
import { errors } from "../schemas/common";

const getAccount = createRoute({
  method: "get",
  path: "/account",
  tags: ["account"],
  summary: "Get the account profile",
  ...scoped("account:read"),
  responses: { 200: { description: "The account", content: { "application/json": { schema: AccountSchema } } }, ...errors(401, 403, 429) },
});

export function accountRoutes(app: OpenAPIHono<V1Env>): void {
  // GET /account — profile of the token's owner
  app.openapi(getAccount, async (c) => {
    const p = c.get("principal");
    const user = await db().user.findUnique({
      where: { id: p.userId },
      select: {
        id: true, email: true, name: true, emailVerifiedAt: true, createdAt: true,
        plan: { select: { id: true, name: true, maxHosts: true, minTtl: true, recordTypes: true, features: true } },
        _count: { select: { hosts: true } },
      },
    });
    if (!user) throw new AppError("UNAUTHENTICATED", "The API token is missing, invalid, revoked or expired.");
    return c.json(
      {
        id: user.id,
        email: user.email,
        name: user.name,
        emailVerified: user.emailVerifiedAt !== null,
        createdAt: user.createdAt.toISOString(),
        plan: user.plan,
        hostCount: user._count.hosts,
        token: { id: p.tokenId, scopes: [...p.scopes], expiresAt: p.expiresAt?.toISOString() ?? null },
      },
      200,
    );
  });
}
