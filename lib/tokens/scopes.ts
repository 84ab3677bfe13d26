// API token scopes. Client-safe: the dashboard's token form and the REST API share this list.

/** Every scope a token can carry; a route names the one it needs. */
export const API_SCOPES = ["hosts:read", "hosts:write", "keys:read", "keys:write", "account:read"] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/** What each scope allows, for forms and the API docs. */
export const SCOPE_DESCRIPTIONS: Record<ApiScope, string> = {
  "hosts:read": "list hosts and read their records and update history",
  "hosts:write": "create and delete hosts and change their records",
  "keys:read": "list update keys (never their secrets)",
  "keys:write": "create and revoke update keys",
  "account:read": "read the account profile",
};

export function isApiScope(s: string): s is ApiScope {
  return (API_SCOPES as readonly string[]).includes(s);
}
