// An admin manages sales units: adds one, edits its name and capture type, stores its API keys (or
// points it at a partner key), deactivates and reactivates it, and sets its callback authToken.
// Every change is audited; audit details hold codes and numbers, never a key or a token.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { PrismaClient } from "@/generated/prisma/client";
import type { CaptureType, Environment } from "@/generated/prisma/enums";
import { audit } from "@/lib/audit";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { sharedTokenCache, type TokenCache } from "@/lib/ecom";
import type { EcomCredentials } from "@/lib/ecom/types";
import { AppError } from "@/lib/errors";
import { openCredentials, sealCredentials } from "./keys";

export interface NewSalesUnit {
  msn: string;
  name: string;
  environment: Environment;
  captureType: CaptureType;
}

export type CreateSalesUnitResult = { ok: true; msn: string } | { ok: false; code: "duplicate" };

/** A new sales unit, active and without keys. An MSN that exists is refused (settled by the unique index). */
export async function createSalesUnit(
  db: PrismaClient,
  actor: Actor | null,
  input: NewSalesUnit,
): Promise<CreateSalesUnitResult> {
  assertCan(actor, "salesunits:manage");
  const { count } = await db.salesUnit.createMany({
    data: [{ msn: input.msn, name: input.name, environment: input.environment, captureType: input.captureType }],
    skipDuplicates: true,
  });
  if (count === 0) {
    await audit(db, {
      action: "sales_unit_created",
      outcome: "refused",
      who: actor,
      msn: input.msn,
      details: { code: "duplicate" },
    });
    return { ok: false, code: "duplicate" };
  }
  await audit(db, {
    action: "sales_unit_created",
    outcome: "success",
    who: actor,
    msn: input.msn,
    details: { environment: input.environment, captureType: input.captureType },
  });
  return { ok: true, msn: input.msn };
}

async function unitOrThrow(db: PrismaClient, msn: string) {
  const unit = await db.salesUnit.findUnique({
    where: { msn },
    select: {
      name: true,
      environment: true,
      captureType: true,
      active: true,
      credentialsEncrypted: true,
      partnerKeyId: true,
      callbackAuthTokenHash: true,
    },
  });
  if (!unit) throw new AppError("not_found", `sales unit ${msn}`);
  return unit;
}

/** The name and capture type (as Vipps has set it up for the unit). The environment goes with the MSN. */
export async function updateSalesUnit(
  db: PrismaClient,
  actor: Actor | null,
  msn: string,
  change: { name: string; captureType: CaptureType },
): Promise<void> {
  assertCan(actor, "salesunits:manage");
  const before = await unitOrThrow(db, msn);
  await db.salesUnit.update({ where: { msn }, data: { name: change.name, captureType: change.captureType } });
  await audit(db, {
    action: "sales_unit_updated",
    outcome: "success",
    who: actor,
    msn,
    details: { nameChanged: before.name === change.name ? 0 : 1, captureType: change.captureType },
  });
}

export interface KeyDeps {
  encryptionKey: Buffer;
  /** The process's token cache (tests pass their own). */
  tokens?: TokenCache;
  now?: Date;
}

type UnitBefore = Awaited<ReturnType<typeof unitOrThrow>>;

/**
 * The unit's keys become `next` (own keys, or a partner key), stamped with who and when; its old
 * own keys are gone from the database and every token fetched with them is forgotten. Audited.
 */
async function replaceKeys(
  db: PrismaClient,
  actor: Actor,
  msn: string,
  before: UnitBefore,
  next: { credentialsEncrypted: string | null; partnerKeyId: string | null },
  deps: KeyDeps,
): Promise<void> {
  await db.salesUnit.update({
    where: { msn },
    data: { ...next, credentialsSetAt: deps.now ?? new Date(), credentialsSetById: actor.id },
  });
  const old = before.credentialsEncrypted
    ? openCredentials(before.credentialsEncrypted, deps.encryptionKey, msn)
    : null;
  if (old) (deps.tokens ?? sharedTokenCache).forgetCredentials(old);
  await audit(db, {
    action: "sales_unit_keys_set",
    outcome: "success",
    who: actor,
    msn,
    details: {
      source: next.partnerKeyId ? "partner" : "own",
      ...(next.partnerKeyId ? { partnerKeyId: next.partnerKeyId } : {}),
      replaced: before.credentialsEncrypted ? "own" : before.partnerKeyId ? "partner" : "none",
    },
  });
}

/**
 * Stores new own keys (rotating replaces them: the old ones are gone, from the database and from the
 * token cache). A unit that used a partner key uses its own keys from now on.
 */
export async function setSalesUnitKeys(
  db: PrismaClient,
  actor: Actor | null,
  msn: string,
  credentials: EcomCredentials,
  deps: KeyDeps,
): Promise<void> {
  assertCan(actor, "salesunits:manage");
  const before = await unitOrThrow(db, msn);
  const sealed = sealCredentials(credentials, deps.encryptionKey, msn);
  await replaceKeys(db, actor, msn, before, { credentialsEncrypted: sealed, partnerKeyId: null }, deps);
}

export type ChoosePartnerKeyResult = { ok: true } | { ok: false; code: "environment_mismatch" };

/** The unit calls Vipps with a partner key from now on; its own keys are deleted. */
export async function chooseSalesUnitPartnerKey(
  db: PrismaClient,
  actor: Actor | null,
  msn: string,
  partnerKeyId: string,
  deps: KeyDeps,
): Promise<ChoosePartnerKeyResult> {
  assertCan(actor, "salesunits:manage");
  const before = await unitOrThrow(db, msn);
  const partner = await db.partnerKey.findUnique({
    where: { id: partnerKeyId },
    select: { id: true, environment: true },
  });
  if (!partner) throw new AppError("not_found", `partner key ${partnerKeyId}`);
  // Keys work in one environment only: test keys never open production, nor the other way round.
  if (partner.environment !== before.environment) {
    await audit(db, {
      action: "sales_unit_keys_set",
      outcome: "refused",
      who: actor,
      msn,
      details: { source: "partner", code: "environment_mismatch" },
    });
    return { ok: false, code: "environment_mismatch" };
  }
  await replaceKeys(db, actor, msn, before, { credentialsEncrypted: null, partnerKeyId: partner.id }, deps);
  return { ok: true };
}

/**
 * Deactivated: no money operations and no calls to Vipps (every call starts at ecomClientFor, which
 * refuses it), callbacks refused; the payments and their history stay readable. Setting the state
 * it already has changes nothing and writes no audit row.
 */
export async function setSalesUnitActive(
  db: PrismaClient,
  actor: Actor | null,
  msn: string,
  active: boolean,
): Promise<{ changed: boolean }> {
  assertCan(actor, "salesunits:manage");
  const { count } = await db.salesUnit.updateMany({ where: { msn, active: !active }, data: { active } });
  if (count === 0) {
    await unitOrThrow(db, msn);
    return { changed: false };
  }
  await audit(db, {
    action: active ? "sales_unit_reactivated" : "sales_unit_deactivated",
    outcome: "success",
    who: actor,
    msn,
  });
  return { changed: true };
}

export const hashCallbackToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

/**
 * A new callback authToken for the shop to send at initiate (merchantInfo.authToken); Vipps sends it
 * back as the callbacks' Authorization header (lib/ingest/callback.ts). Only its sha256 is stored:
 * the token is returned this once. null removes it (callbacks are then not checked for one).
 */
export async function setCallbackToken(
  db: PrismaClient,
  actor: Actor | null,
  msn: string,
  change: "new" | "remove",
  now = new Date(),
): Promise<{ token: string | null }> {
  assertCan(actor, "salesunits:manage");
  const before = await unitOrThrow(db, msn);
  // 32 random bytes: 43 characters, well inside authToken's 255.
  const token = change === "new" ? randomBytes(32).toString("base64url") : null;
  await db.salesUnit.update({
    where: { msn },
    data: token
      ? {
          callbackAuthTokenHash: hashCallbackToken(token),
          callbackAuthTokenSetAt: now,
          callbackAuthTokenSetById: actor.id,
        }
      : { callbackAuthTokenHash: null, callbackAuthTokenSetAt: null, callbackAuthTokenSetById: null },
  });
  await audit(db, {
    action: "callback_token_set",
    outcome: "success",
    who: actor,
    msn,
    details: { change: token ? (before.callbackAuthTokenHash ? "replaced" : "set") : "removed" },
  });
  return { token };
}
