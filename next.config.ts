// Next.js configuration. The app is served by our own server entry (lib/server/web.ts), which
// also answers the machine endpoints; nothing here may depend on Next's own `next start`.
import type { NextConfig } from "next";

const securityHeaders = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

const config: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // `npm test` type-checks the whole project with tsc; the build does not repeat it.
  typescript: { ignoreBuildErrors: true },
  // Loaded by Node at run time, not bundled (nodemailer breaks when bundled).
  serverExternalPackages: ["nodemailer"],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default config;
