// Partner keys: one key set from Vipps' partner portal that acts for several sales units of one
// environment. Units point at one instead of holding their own keys, and every call then names the
// unit in Merchant-Serial-Number (lib/ecom: keyMode "partner"). Stored encrypted like a unit's keys;
// pages learn only the name, environment, when and by whom the keys were set, and which units use it.
import "server-only";
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/generated/prisma/client";
import type { Environment } from "@/generated/prisma/enums";
import { audit } from "@/lib/audit";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { sharedTokenCache } from "@/lib/ecom";
import type { EcomCredentials } from "@/lib/ecom/types";
import { AppError } from "@/lib/errors";
import { openCredentials, partnerKeyAad, sealCredentials } from "./keys";
import type { KeyDeps } from "./manage";

export type CreatePartnerKeyResult = { ok: true; id: string } | { ok: false; code: "duplicate_name" };

export async function createPartnerKey(
  db: PrismaClient,
  actor: Actor | null,
  input: { name: string; environment: Environment; credentials: EcomCredentials },
  deps: KeyDeps,
): Promise<CreatePartnerKeyResult> {
  assertCan(actor, "salesunits:manage");
  // The id is chosen here because it is part of the ciphertext's associated data.
  const id = randomUUID();
  const { count } = await db.partnerKey.createMany({
    data: [
      {
        id,
        name: input.name,
        environment: input.environment,
        credentialsEncrypted: sealCredentials(input.credentials, deps.encryptionKey, partnerKeyAad(id)),
        credentialsSetAt: deps.now ?? new Date(),
        credentialsSetById: actor.id,
      },
    ],
    skipDuplicates: true,
  });
  if (count === 0) return { ok: false, code: "duplicate_name" };
  await audit(db, {
    action: "partner_key_created",
    outcome: "success",
    who: actor,
    details: { partnerKeyId: id, environment: input.environment },
  });
  return { ok: true, id };
}

/** New keys for a partner key (rotation): every unit using it uses the new ones; old tokens are forgotten. */
export async function rotatePartnerKey(
  db: PrismaClient,
  actor: Actor | null,
  id: string,
  credentials: EcomCredentials,
  deps: KeyDeps,
): Promise<void> {
  assertCan(actor, "salesunits:manage");
  const before = await db.partnerKey.findUnique({ where: { id }, select: { credentialsEncrypted: true } });
  if (!before) throw new AppError("not_found", `partner key ${id}`);
  await db.partnerKey.update({
    where: { id },
    data: {
      credentialsEncrypted: sealCredentials(credentials, deps.encryptionKey, partnerKeyAad(id)),
      credentialsSetAt: deps.now ?? new Date(),
      credentialsSetById: actor.id,
    },
  });
  const old = openCredentials(before.credentialsEncrypted, deps.encryptionKey, partnerKeyAad(id));
  if (old) (deps.tokens ?? sharedTokenCache).forgetCredentials(old);
  await audit(db, { action: "partner_key_rotated", outcome: "success", who: actor, details: { partnerKeyId: id } });
}

export type DeletePartnerKeyResult = { ok: true } | { ok: false; code: "in_use"; units: number };

/** Only a partner key no unit uses can go (the foreign key refuses the rest too). */
export async function deletePartnerKey(
  db: PrismaClient,
  actor: Actor | null,
  id: string,
  deps: KeyDeps,
): Promise<DeletePartnerKeyResult> {
  assertCan(actor, "salesunits:manage");
  const key = await db.partnerKey.findUnique({
    where: { id },
    select: { credentialsEncrypted: true, _count: { select: { salesUnits: true } } },
  });
  if (!key) throw new AppError("not_found", `partner key ${id}`);
  if (key._count.salesUnits > 0) return { ok: false, code: "in_use", units: key._count.salesUnits };
  const { count } = await db.partnerKey.deleteMany({ where: { id, salesUnits: { none: {} } } });
  if (count === 0) return { ok: false, code: "in_use", units: 1 };
  const old = openCredentials(key.credentialsEncrypted, deps.encryptionKey, partnerKeyAad(id));
  if (old) (deps.tokens ?? sharedTokenCache).forgetCredentials(old);
  await audit(db, { action: "partner_key_deleted", outcome: "success", who: actor, details: { partnerKeyId: id } });
  return { ok: true };
}
