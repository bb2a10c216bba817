import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

// Reads i18n/request.ts: each request's language and catalogue.
const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

// On every response; the Content-Security-Policy (with its per-request nonce) is set by proxy.ts.
const SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  // Browsers ignore it over plain http, so it only ever applies to the HTTPS deployment.
  ...(process.env.NODE_ENV === "production" ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
];

const nextConfig: NextConfig = {
  // PGlite ships WebAssembly and data files it loads from its own package directory at run time.
  serverExternalPackages: ["@electric-sql/pglite", "pg", "ioredis"],
  poweredByHeader: false,
  async headers() {
    return [
      { source: "/:path*", headers: SECURITY_HEADERS },
      // Older browsers that do not read CSP frame-ancestors; the payment page stays embeddable.
      { source: "/((?!pay/).*)", headers: [{ key: "X-Frame-Options", value: "DENY" }] },
    ];
  },
};

export default withNextIntl(nextConfig);
