// API keys for the merchant's shop (POST /api/v1/payments). A key is 32 random bytes, shown once;
// only its sha256 is stored, which is enough for a key of that entropy (no salt or slow hash needed:
// nobody can guess it, and a database leak does not reveal it). Admins create and revoke them.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import type { PrismaClient } from "@/generated/prisma/client";
import { assertCan, canSeeMsn, type Actor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { zfd } from "zod-form-data";
import { audit } from "@/lib/audit";
import { msnSchema } from "@/lib/ids";
import type { Limiter } from "@/lib/limits";
import { problem } from "./http";

export const KEY_PREFIX = "mo_live_";
const KEY_PATTERN = /^mo_live_[A-Za-z0-9_-]{43}$/;
const LAST_USED_PRECISION_MS = 60_000;

export const hashApiKey = (key: string) => createHash("sha256").update(key, "utf8").digest("hex");

export function generateApiKey(): { key: string; keyHash: string; prefix: string } {
  const key = KEY_PREFIX + randomBytes(32).toString("base64url");
  return { key, keyHash: hashApiKey(key), prefix: key.slice(0, KEY_PREFIX.length + 4) };
}

export interface KeyPrincipal {
  id: string;
  name: string;
  allSalesUnits: boolean;
  msns: string[];
}

export const keyMayRegister = (key: KeyPrincipal, msn: string) => key.allSalesUnits || key.msns.includes(msn);

/**
 * The front door of every /api/v1 endpoint: the request's key, within its requests-a-minute limit,
 * or the answer that turns it away (401 with how to send a key, 429 with Retry-After). `nothing`
 * says what the refused request did not do ("Nothing was registered").
 */
export async function admitKeyRequest(
  db: PrismaClient,
  request: Request,
  opts: { requests?: Limiter; now?: Date; nothing: string },
): Promise<{ key: KeyPrincipal } | { refused: Response }> {
  const key = await authenticateApiKey(db, request.headers.get("authorization"), opts.now);
  if (!key) {
    const sent = request.headers.has("authorization");
    return {
      refused: problem(
        401,
        sent ? "invalid_api_key" : "missing_api_key",
        sent
          ? "The API key is not valid, or it has been revoked."
          : "Send the integration API key as: Authorization: Bearer mo_live_…",
        {},
        { "WWW-Authenticate": 'Bearer realm="merchant-ops"' },
      ),
    };
  }
  if (opts.requests) {
    const allowed = await opts.requests.consume(key.id);
    if (!allowed.ok)
      return {
        refused: rateLimited(
          allowed.retryAfterSeconds,
          `more than ${opts.requests.rule.points} requests a minute with this key`,
          opts.nothing,
        ),
      };
  }
  return { key };
}

/** 429 with Retry-After: why, and that nothing was done. */
export function rateLimited(retryAfterSeconds: number, why: string, nothing: string): Response {
  return problem(
    429,
    "rate_limited",
    `Too many requests: ${why}. ${nothing}; try again in ${retryAfterSeconds} s.`,
    {},
    { "Retry-After": String(retryAfterSeconds) },
  );
}

/** The key named by `Authorization: Bearer mo_live_…`, if it exists and is not revoked. */
export async function authenticateApiKey(
  db: PrismaClient,
  authorization: string | null,
  now = new Date(),
): Promise<KeyPrincipal | null> {
  const match = /^Bearer (\S+)$/.exec(authorization ?? "");
  if (!match || !KEY_PATTERN.test(match[1]!)) return null;
  const row = await db.integrationApiKey.findUnique({ where: { keyHash: hashApiKey(match[1]!) } });
  if (!row || row.revokedAt) return null;
  // Once a minute is precise enough for "last used", and spares a write per request.
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_PRECISION_MS) {
    await db.integrationApiKey.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  return { id: row.id, name: row.name, allSalesUnits: row.allSalesUnits, msns: row.msns };
}

/** The key's name and scope; the form's field messages are dictionary codes (actions.input / ingest). */
export const createApiKeySchema = z
  .object({
    name: z.string().trim().min(1, "keyName").max(100, "keyName"),
    allSalesUnits: z.boolean(),
    msns: z.array(msnSchema).max(500, "keyScope"),
  })
  .refine((v) => v.allSalesUnits || v.msns.length > 0, { message: "keyScope", path: ["msns"] });

/** The same, read from the form (checkbox "on", repeated msns). */
export const createApiKeyForm = zfd
  .formData(
    z.object({
      name: zfd.text(z.string({ error: "keyName" })),
      allSalesUnits: zfd.checkbox(),
      msns: zfd.repeatableOfType(zfd.text(msnSchema)),
    }),
  )
  .pipe(createApiKeySchema);
export type CreateApiKeyInput = z.output<typeof createApiKeySchema>;

export async function createApiKey(db: PrismaClient, actor: Actor | null, input: CreateApiKeyInput) {
  assertCan(actor, "users:manage");
  const msns = input.allSalesUnits ? [] : [...new Set(input.msns)].sort();
  const units = await db.salesUnit.findMany({ where: { msn: { in: msns } }, select: { msn: true } });
  if (units.length !== msns.length || msns.some((m) => !canSeeMsn(actor, m)))
    throw new AppError("invalid_input", "unknown sales unit in key scope", { field: "msns" });
  const { key, keyHash, prefix } = generateApiKey();
  const row = await db.integrationApiKey.create({
    data: { name: input.name, keyHash, prefix, allSalesUnits: input.allSalesUnits, msns, createdById: actor.id },
  });
  await audit(db, {
    action: "api_key_created",
    outcome: "success",
    who: actor,
    details: { keyId: row.id, name: row.name, prefix, allSalesUnits: row.allSalesUnits, msns },
  });
  return { id: row.id, name: row.name, prefix, key };
}

export async function revokeApiKey(db: PrismaClient, actor: Actor | null, id: string, now = new Date()) {
  assertCan(actor, "users:manage");
  const row = await db.integrationApiKey.findUnique({
    where: { id },
    select: { id: true, name: true, revokedAt: true },
  });
  if (!row) throw new AppError("not_found", `api key ${id} not found`);
  if (!row.revokedAt)
    await db.integrationApiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now } });
  await audit(db, {
    action: "api_key_revoked",
    outcome: "success",
    who: actor,
    details: { keyId: id, name: row.name },
  });
}

export async function listApiKeys(db: PrismaClient, actor: Actor | null) {
  assertCan(actor, "users:manage");
  return db.integrationApiKey.findMany({
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: {
      id: true,
      name: true,
      prefix: true,
      allSalesUnits: true,
      msns: true,
      createdAt: true,
      revokedAt: true,
      lastUsedAt: true,
    },
  });
}
