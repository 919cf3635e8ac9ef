// A sales unit's API keys at rest and in use. Keys are AES-256-GCM encrypted (lib/crypto.ts) with
// associated data naming their owner, so a ciphertext copied to another row does not decrypt: the
// MSN for a unit's own keys, "partner-key:<id>" for partner keys. Only this module decrypts them,
// and only to build an eCom client; nothing here returns them to a page.
import "server-only";
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import type { Environment } from "@/generated/prisma/enums";
import { decrypt, encrypt } from "@/lib/crypto";
import type { EcomClientOptions } from "@/lib/ecom";
import type { EcomCredentials } from "@/lib/ecom/types";

type Db = PrismaClient | Prisma.TransactionClient;

export const partnerKeyAad = (id: string) => `partner-key:${id}`;

export function sealCredentials(c: EcomCredentials, key: Buffer, aad: string): string {
  // Only the three fields, in a fixed order: nothing else the caller's object carries is stored.
  return encrypt(
    JSON.stringify({ clientId: c.clientId, clientSecret: c.clientSecret, subscriptionKey: c.subscriptionKey }),
    key,
    aad,
  );
}

/** null when the ciphertext does not open (another ENCRYPTION_KEY, or a copied value). */
export function openCredentials(sealed: string, key: Buffer, aad: string): EcomCredentials | null {
  try {
    const c = JSON.parse(decrypt(sealed, key, aad)) as Partial<EcomCredentials>;
    if (typeof c.clientId !== "string" || typeof c.clientSecret !== "string" || typeof c.subscriptionKey !== "string")
      return null;
    return { clientId: c.clientId, clientSecret: c.clientSecret, subscriptionKey: c.subscriptionKey };
  } catch {
    return null;
  }
}

/** Why a unit cannot call Vipps. */
export type ConnectionProblem = "not_found" | "inactive" | "no_keys" | "unreadable_keys";

export type UnitConnection =
  | {
      ok: true;
      msn: string;
      environment: Environment;
      /** "partner": the partner's keys, naming this unit in Merchant-Serial-Number. */
      keyMode: "merchant" | "partner";
      partnerKeyName: string | null;
      salesUnit: EcomClientOptions["salesUnit"];
    }
  | { ok: false; problem: ConnectionProblem; environment?: Environment };

/** The unit's keys (its own, or its partner key's), decrypted to build a client. Deactivated: no keys. */
export async function unitConnection(db: Db, msn: string, encryptionKey: Buffer): Promise<UnitConnection> {
  const unit = await db.salesUnit.findUnique({
    where: { msn },
    select: {
      msn: true,
      environment: true,
      active: true,
      credentialsEncrypted: true,
      partnerKey: { select: { id: true, name: true, credentialsEncrypted: true } },
    },
  });
  if (!unit) return { ok: false, problem: "not_found" };
  const { environment } = unit;
  if (!unit.active) return { ok: false, problem: "inactive", environment };
  const partner = unit.partnerKey;
  const sealed = partner ? partner.credentialsEncrypted : unit.credentialsEncrypted;
  if (!sealed) return { ok: false, problem: "no_keys", environment };
  const credentials = openCredentials(sealed, encryptionKey, partner ? partnerKeyAad(partner.id) : msn);
  if (!credentials) return { ok: false, problem: "unreadable_keys", environment };
  return {
    ok: true,
    msn,
    environment,
    keyMode: partner ? "partner" : "merchant",
    partnerKeyName: partner?.name ?? null,
    salesUnit: { msn, environment, credentials },
  };
}
