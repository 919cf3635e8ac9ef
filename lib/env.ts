// The one place that reads process.env. Everything else imports `env()` from here.
import path from "node:path";
import { z } from "zod";

type TwoFactorRole = "admin" | "finance" | "support" | "developer";

const bool = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    /** postgres:// or postgresql:// selects PostgreSQL; unset selects the embedded PGlite. */
    DATABASE_URL: z
      .string()
      .regex(
        /^postgres(ql)?:\/\//,
        "DATABASE_URL must be a postgres:// or postgresql:// URL (leave it unset for the embedded database)",
      )
      .optional(),
    /**
     * PostgreSQL connections per app instance (one pool, shared by pages and money operations).
     * Money transactions wait up to 10 s for one (lib/money/engine.ts MONEY_TRANSACTION); raise this
     * when many people read at once, keeping instances × pool below the server's max_connections.
     */
    DATABASE_POOL_SIZE: z.coerce.number().int().min(2).max(200).default(10),
    /** The address users reach the app at; https://… makes session cookies Secure unconditionally. */
    APP_URL: z.url({ protocol: /^https?$/, error: "APP_URL must be an http:// or https:// URL" }).optional(),
    /** How many proxies in front append to X-Forwarded-For (lib/auth/client.ts). */
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(1).max(5).default(1),
    DATA_DIR: z.string().min(1).default(".data"),
    PGLITE_DIR: z.string().min(1).optional(),
    AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
    /** 32 bytes, base64 or hex. Encrypts sales-unit credentials (AES-256-GCM). */
    ENCRYPTION_KEY: z
      .string()
      .refine((v) => decodeKey(v) !== null, "ENCRYPTION_KEY must be 32 bytes as base64 (44 chars) or hex (64 chars)")
      .optional(),
    /** Demo users and data, and the demo credentials on the login page. Default: on for the embedded database. */
    DEMO_MODE: bool.optional(),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    SIMULATOR_PORT: z.coerce.number().int().min(1).max(65535).default(3100),
    /** How many demo payments the first start seeds through the simulator. */
    DEMO_PAYMENTS: z.coerce.number().int().min(0).max(100_000).default(5000),
    /** The reconciler polling GET /details for payments that can still change, inside the app server. */
    RECONCILER_ENABLED: bool.optional(),
    RECONCILER_INTERVAL_MS: z.coerce.number().int().min(1000).max(3_600_000).default(30_000),
    RECONCILER_BATCH: z.coerce.number().int().min(1).max(1000).default(50),
    /** The capture queue's worker (lib/money/batch.ts): payments worked on at once per app instance. */
    MONEY_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(4),
    /**
     * A pending money operation unchanged for this long was left by a process that died mid-call;
     * the reconciler then settles it. Must exceed a GET /details with its retries (about a minute).
     */
    MONEY_STALE_PENDING_MS: z.coerce.number().int().min(5000).max(3_600_000).default(120_000),
    /**
     * Days raw API calls are kept (whole UTC days, counted back from the start of today). At most 366:
     * the per-minute rollups are kept 13 months, and must outlive the raw rows they count.
     */
    API_LOG_RETENTION_DAYS: z.coerce.number().int().min(1).max(366).default(30),
    /** Error-spike detection (lib/spikes/): one round per interval in every app instance. */
    SPIKES_ENABLED: bool.optional(),
    SPIKES_INTERVAL_MS: z.coerce.number().int().min(5000).max(3_600_000).default(60_000),
    /**
     * Mail for invitation and password links (nodemailer): smtp://user:pass@host:587 or smtps://….
     * Unset: links are only shown to the admin who made them.
     */
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, "SMTP_URL must be an smtp:// or smtps:// URL")
      .optional(),
    SMTP_FROM: z.string().min(3).max(254).default("Merchant Ops <no-reply@merchantops.invalid>"),
    /**
     * Roles that must use two-factor sign-in (comma-separated: admin, finance, support, developer;
     * empty for none). Default "admin,finance", or none in demo mode.
     */
    TWO_FACTOR_REQUIRED_ROLES: z
      .string()
      .regex(
        /^\s*((admin|finance|support|developer)\s*(,\s*(admin|finance|support|developer)\s*)*)?$/,
        "TWO_FACTOR_REQUIRED_ROLES must be a comma-separated list of admin, finance, support, developer",
      )
      .optional(),
    /** Moving more than this (øre) asks a user with two-factor sign-in for a fresh code (step-up). */
    STEP_UP_THRESHOLD_ORE: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(1_000_000),
    /** Set by Next.js itself; "phase-production-build" during `next build`, when nothing may run. */
    NEXT_PHASE: z.string().optional(),
  })
  .transform((e) => {
    // turbopackIgnore: these are runtime paths, not files to trace into the build output.
    const dataDir = path.resolve(/* turbopackIgnore: true */ e.DATA_DIR);
    const database = e.DATABASE_URL
      ? ({ driver: "pg", url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE } as const)
      : ({
          driver: "pglite",
          dir: path.resolve(/* turbopackIgnore: true */ e.PGLITE_DIR ?? path.join(dataDir, "pglite")),
        } as const);
    const demoMode = e.DEMO_MODE ?? database.driver === "pglite";
    const requiredRoles = (e.TWO_FACTOR_REQUIRED_ROLES ?? (demoMode ? "" : "admin,finance"))
      .split(",")
      .map((r) => r.trim())
      .filter((r): r is TwoFactorRole => r !== "");
    return {
      nodeEnv: e.NODE_ENV,
      appUrl: e.APP_URL,
      trustedProxyHops: e.TRUSTED_PROXY_HOPS,
      dataDir,
      database,
      authSecret: e.AUTH_SECRET,
      encryptionKey: e.ENCRYPTION_KEY ? (decodeKey(e.ENCRYPTION_KEY) as Buffer) : undefined,
      demoMode,
      port: e.PORT,
      simulatorPort: e.SIMULATOR_PORT,
      demoPayments: e.DEMO_PAYMENTS,
      reconciler: {
        enabled: (e.RECONCILER_ENABLED ?? true) && e.NEXT_PHASE !== "phase-production-build",
        intervalMs: e.RECONCILER_INTERVAL_MS,
        batch: e.RECONCILER_BATCH,
      },
      /** Runs beside the reconciler (the same switch): background work of the capture queue. */
      moneyWorker: { concurrency: e.MONEY_WORKER_CONCURRENCY },
      money: { stalePendingMs: e.MONEY_STALE_PENDING_MS },
      apiLog: {
        retentionDays: e.API_LOG_RETENTION_DAYS,
        /** Hourly in every instance (lib/api-log/prune-start.ts). */
        pruneEnabled: e.NEXT_PHASE !== "phase-production-build",
      },
      mail: e.SMTP_URL ? { url: e.SMTP_URL, from: e.SMTP_FROM } : null,
      twoFactor: { requiredRoles: [...new Set(requiredRoles)], stepUpThresholdOre: e.STEP_UP_THRESHOLD_ORE },
      spikes: {
        enabled: (e.SPIKES_ENABLED ?? true) && e.NEXT_PHASE !== "phase-production-build",
        intervalMs: e.SPIKES_INTERVAL_MS,
      },
    };
  });

export type Env = z.output<typeof schema>;

export function decodeKey(value: string): Buffer | null {
  const buf = /^[0-9a-fA-F]{64}$/.test(value) ? Buffer.from(value, "hex") : Buffer.from(value, "base64");
  return buf.length === 32 ? buf : null;
}

/** Parses an environment. Throws one readable error listing every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
