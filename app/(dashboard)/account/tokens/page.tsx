// GET /account/tokens — REST API tokens: list (scopes, last use), create (shown once), revoke.
import type { Metadata } from "next";
import { formatTime } from "@/components/account/format-time";
import { ActionButton } from "@/components/forms/action-button";
import { DashboardNav } from "@/components/hosts/dashboard-nav";
import { Card } from "@/components/ui/card";
import { db } from "@/lib/db";
import { requireUser } from "@/lib/auth/context";
import { listApiTokens } from "@/lib/tokens/list-api-tokens";
import { createTokenAction, revokeTokenAction } from "./actions";
import { TokenForm } from "./token-form";

export const metadata: Metadata = { title: "API tokens" };

export default async function TokensPage() {
  const { user } = await requireUser();
  const tokens = await listApiTokens(db(), { userId: user.id });
  const now = new Date();
  return (
    <div>
      <DashboardNav current="/account/tokens" />
      <div className="space-y-6">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">API tokens</h1>
          <p className="mt-1 text-sm text-zinc-600">Tokens let scripts use the REST API with the rights you choose. For routers, use update keys instead.</p>
        </div>
        <Card title="Your tokens">
          {tokens.length === 0 ? (
            <p className="text-sm text-zinc-600">No API tokens yet.</p>
          ) : (
            <table className="w-full text-left text-sm">
              <caption className="sr-only">API tokens</caption>
              <thead className="border-b border-zinc-200 text-xs uppercase text-zinc-500">
                <tr>
                  <th scope="col" className="py-2 pr-4 font-medium">Token</th>
                  <th scope="col" className="py-2 pr-4 font-medium">Scopes</th>
                  <th scope="col" className="py-2 pr-4 font-medium">Last used</th>
                  <th scope="col" className="py-2 font-medium">State</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-100 align-top">
                {tokens.map((t) => {
                  const name = t.label || `${t.prefix}…`;
                  const expired = t.expiresAt !== null && t.expiresAt <= now;
                  return (
                    <tr key={t.id}>
                      <th scope="row" className="py-3 pr-4 font-normal">
                        <span className="font-medium">{name}</span>
                        <span className="block font-mono text-xs text-zinc-500">{t.prefix}…</span>
                      </th>
                      <td className="py-3 pr-4 font-mono text-xs">{t.scopes.join(" ")}</td>
                      <td className="py-3 pr-4 text-xs">{t.lastUsedAt ? formatTime(t.lastUsedAt) : "never"}</td>
                      <td className="py-3 text-xs">
                        {t.revokedAt ? (
                          `Revoked ${formatTime(t.revokedAt)}`
                        ) : expired ? (
                          `Expired ${formatTime(t.expiresAt!)}`
                        ) : (
                          <div className="space-y-1">
                            <span className="block">{t.expiresAt ? `Active until ${formatTime(t.expiresAt)}` : "Active"}</span>
                            <ActionButton action={revokeTokenAction} label="Revoke" formLabel={`Revoke ${name}`} fields={{ tokenId: t.id }} />
                          </div>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </Card>
        <Card title="Create an API token">
          <TokenForm action={createTokenAction} />
        </Card>
      </div>
    </div>
  );
}
