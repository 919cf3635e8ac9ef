// What the admin pages show about sales units and partner keys. Never a key, a token or a hash:
// only whether one is set, when, and by whom.
import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import type { CaptureType, Environment } from "@/generated/prisma/enums";
import { assertCan, type Actor } from "@/lib/auth/permissions";

export type KeySource = "own" | "partner" | "missing";

export interface AdminUnitRow {
  msn: string;
  name: string;
  environment: Environment;
  captureType: CaptureType;
  active: boolean;
  keys: KeySource;
  partnerKeyName: string | null;
  credentialsSetAt: Date | null;
}

const ROW_SELECT = {
  msn: true,
  name: true,
  environment: true,
  captureType: true,
  active: true,
  credentialsEncrypted: true,
  credentialsSetAt: true,
  partnerKey: { select: { name: true } },
} as const;

function row(u: {
  msn: string;
  name: string;
  environment: Environment;
  captureType: CaptureType;
  active: boolean;
  credentialsEncrypted: string | null;
  credentialsSetAt: Date | null;
  partnerKey: { name: string } | null;
}): AdminUnitRow {
  return {
    msn: u.msn,
    name: u.name,
    environment: u.environment,
    captureType: u.captureType,
    active: u.active,
    keys: u.partnerKey ? "partner" : u.credentialsEncrypted ? "own" : "missing",
    partnerKeyName: u.partnerKey?.name ?? null,
    credentialsSetAt: u.credentialsSetAt,
  };
}

/** "Name (email)" of the users who set something, by id; a user who is gone is left out. */
async function whoById(db: PrismaClient, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const users = await db.user.findMany({
    where: { id: { in: wanted } },
    select: { id: true, name: true, email: true },
  });
  return new Map(users.map((u) => [u.id, `${u.name} (${u.email})`]));
}

export async function loadAdminUnits(db: PrismaClient, actor: Actor): Promise<AdminUnitRow[]> {
  assertCan(actor, "salesunits:manage");
  const units = await db.salesUnit.findMany({ orderBy: { msn: "asc" }, select: ROW_SELECT });
  return units.map(row);
}

/** When and by whom something was set; both unknown for what the demo seed stored. */
export interface SetStamp {
  at: Date | null;
  /** null when the user is gone, or nobody (the demo seed). */
  by: string | null;
}

export interface AdminUnitView extends AdminUnitRow {
  credentialsSet: SetStamp | null;
  partnerKeyId: string | null;
  /** null: not set. */
  callbackToken: SetStamp | null;
  approvalThresholdOre: number | null;
  releaseNeedsApproval: boolean;
  /** Partner keys of the unit's environment it could use. */
  partnerKeys: { id: string; name: string }[];
}

export async function loadAdminUnit(db: PrismaClient, actor: Actor, msn: string): Promise<AdminUnitView | null> {
  assertCan(actor, "salesunits:manage");
  const u = await db.salesUnit.findUnique({
    where: { msn },
    select: {
      ...ROW_SELECT,
      credentialsSetById: true,
      partnerKeyId: true,
      callbackAuthTokenHash: true,
      callbackAuthTokenSetAt: true,
      callbackAuthTokenSetById: true,
      approvalThresholdOre: true,
      releaseNeedsApproval: true,
    },
  });
  if (!u) return null;
  const [who, partnerKeys] = await Promise.all([
    whoById(db, [u.credentialsSetById, u.callbackAuthTokenSetById]),
    db.partnerKey.findMany({
      where: { environment: u.environment },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
  ]);
  const stamp = (at: Date | null, by: string | null): SetStamp => ({ at, by: by ? (who.get(by) ?? null) : null });
  const base = row(u);
  return {
    ...base,
    credentialsSet: base.keys === "missing" ? null : stamp(u.credentialsSetAt, u.credentialsSetById),
    partnerKeyId: u.partnerKeyId,
    callbackToken: u.callbackAuthTokenHash ? stamp(u.callbackAuthTokenSetAt, u.callbackAuthTokenSetById) : null,
    approvalThresholdOre: u.approvalThresholdOre,
    releaseNeedsApproval: u.releaseNeedsApproval,
    partnerKeys,
  };
}

export interface PartnerKeyRow {
  id: string;
  name: string;
  environment: Environment;
  set: SetStamp;
  units: { msn: string; name: string }[];
}

export async function loadPartnerKeys(db: PrismaClient, actor: Actor): Promise<PartnerKeyRow[]> {
  assertCan(actor, "salesunits:manage");
  const keys = await db.partnerKey.findMany({
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      environment: true,
      credentialsSetAt: true,
      credentialsSetById: true,
      salesUnits: { select: { msn: true, name: true }, orderBy: { msn: "asc" } },
    },
  });
  const who = await whoById(
    db,
    keys.map((k) => k.credentialsSetById),
  );
  return keys.map((k) => ({
    id: k.id,
    name: k.name,
    environment: k.environment,
    set: { at: k.credentialsSetAt, by: k.credentialsSetById ? (who.get(k.credentialsSetById) ?? null) : null },
    units: k.salesUnits,
  }));
}
