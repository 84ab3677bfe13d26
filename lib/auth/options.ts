// next-auth configuration: one Credentials provider (email + password + optional TOTP code), JWT
// sessions whose token carries only a Session row id (checked on every request by currentUser()).
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { CLIENT_IP_HEADER } from "@/lib/http/client-ip";
import { authenticate, SignInError } from "@/lib/auth/authenticate";
import { endSession, SESSION_LIMITS } from "@/lib/auth/sessions";
import { signInSchema } from "@/lib/validation/auth";
import { encodeSignInError } from "@/lib/validation/sign-in-errors";

// Used only outside production when AUTH_SECRET is unset (next dev, tests); production start
// always provides AUTH_SECRET (lib/server/main.ts).
const DEV_SECRET = "dynhost-development-secret-not-for-production-use";

/** The secret that signs and encrypts session tokens. */
export function authSecret(): string {
  const e = env();
  if (e.AUTH_SECRET) return e.AUTH_SECRET;
  if (e.NODE_ENV === "production") throw new Error("AUTH_SECRET is not set");
  return DEV_SECRET;
}

function header(headers: Record<string, unknown> | undefined, name: string): string | undefined {
  const v = headers?.[name];
  return typeof v === "string" && v ? v : undefined;
}

let cached: NextAuthOptions | undefined;

/** The next-auth options (route handler and getServerSession). */
export function authOptions(): NextAuthOptions {
  cached ??= {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: SESSION_LIMITS.user.ttlMs / 1000 },
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Email and password",
        credentials: { email: { type: "email" }, password: { type: "password" }, totp: { type: "text" } },
        async authorize(credentials, req) {
          const parsed = signInSchema.safeParse({
            email: credentials?.email,
            password: credentials?.password,
            totp: credentials?.totp ?? "",
          });
          if (!parsed.success) throw new Error(encodeSignInError("INPUT"));
          try {
            const r = await authenticate(db(), parsed.data, {
              ip: header(req.headers, CLIENT_IP_HEADER) ?? "unknown",
              userAgent: header(req.headers, "user-agent"),
            });
            return { id: r.userId, email: r.email, sessionId: r.sessionId, mfa: r.mfa };
          } catch (err) {
            if (err instanceof SignInError) throw new Error(encodeSignInError(err.reason, err.retryAfter));
            console.error("[auth] sign-in failed:", err);
            throw new Error("ERROR");
          }
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.sid = user.sessionId;
          token.mfa = user.mfa;
        }
        return token;
      },
      session({ session, token }) {
        return { expires: session.expires, sid: token.sid ?? "", mfa: token.mfa === true };
      },
    },
    events: {
      async signOut({ token }) {
        if (token?.sid) await endSession(db(), token.sid);
      },
    },
  };
  return cached;
}
