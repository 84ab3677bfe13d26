// Who acts through the REST API: the token's owner as a plain user — a token never carries staff
// powers, whoever owns it — from the client address the server entry computed.
import type { Actor } from "@/lib/auth/actor";
import { CLIENT_IP_HEADER } from "@/lib/http/client-ip";

export function apiActor(userId: string, headers: { header(name: string): string | undefined }): Actor {
  return { userId, role: "USER", ip: headers.header(CLIENT_IP_HEADER) ?? null };
}
