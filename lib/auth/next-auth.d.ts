// What our next-auth JWT and session carry: the Session row id and whether TOTP was checked at sign-in.
import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface User {
    sessionId: string;
    mfa: boolean;
  }
  interface Session {
    sid: string;
    mfa: boolean;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    sid?: string;
    mfa?: boolean;
  }
}
