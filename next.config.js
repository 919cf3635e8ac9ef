// @ts-check
/** @type {import('next').NextConfig} */
const config = {
  // PGlite loads its wasm and data files by path: bundling breaks that (see notes/stack.md §3).
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@prisma/schema-engine-wasm"],
  poweredByHeader: false,
  // The CSV import accepts files up to 2 MB (lib/ingest/csv.ts); room for the multipart overhead, so
  // a file just over the limit reaches the action and gets its specific message.
  experimental: {
    serverActions: { bodySizeLimit: "3mb" },
    // forbidden() answers a real 403 with app/(app)/forbidden.tsx.
    authInterrupts: true,
  },
  reactStrictMode: true,
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

export default config;
