// The spike webhook's settings (one SpikeWebhook row), set by an admin. The URL is a secret: it is
// stored AES-256-GCM encrypted (lib/crypto.ts, like sales-unit keys), decrypted only to post, and
// never returned to the browser, audited or logged — the view says only when and by whom it was set.
import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { audit } from "@/lib/audit";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { decrypt, encrypt } from "@/lib/crypto";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { testMessage } from "./message";
import { postWebhook, type WebhookOutcome } from "./webhook";

const ROW_ID = 1;
/** Associated data of the ciphertext: a ciphertext copied into another column does not decrypt. */
const AAD = "spike-webhook-url";
export const DEFAULT_COOLDOWN_MINUTES = 30;

/** A URL stored under another ENCRYPTION_KEY reads as none (an admin sets it again), not as a failing round. */
function decryptUrl(encrypted: string, key: Buffer): string | null {
  try {
    return decrypt(encrypted, key, AAD);
  } catch {
    return null;
  }
}

export interface WebhookConfig {
  url: string | null;
  enabled: boolean;
  cooldownMinutes: number;
  locale: Locale;
}

/** What the detection loop needs, the URL decrypted. No row yet: nothing is set up. */
export async function readWebhookConfig(db: PrismaClient, encryptionKey: Buffer): Promise<WebhookConfig> {
  const row = await db.spikeWebhook.findUnique({ where: { id: ROW_ID } });
  return {
    url: row?.urlEncrypted ? decryptUrl(row.urlEncrypted, encryptionKey) : null,
    enabled: row?.enabled ?? false,
    cooldownMinutes: row?.cooldownMinutes ?? DEFAULT_COOLDOWN_MINUTES,
    locale: row && isLocale(row.locale) ? row.locale : "nb",
  };
}

export interface WebhookView {
  urlSet: boolean;
  urlSetAt: Date | null;
  /** The name of the admin who set it (null when that user is gone). */
  urlSetBy: string | null;
  enabled: boolean;
  cooldownMinutes: number;
  locale: Locale;
}

/** The settings as an admin's form shows them: never the URL. */
export async function loadWebhookView(db: PrismaClient, actor: Actor): Promise<WebhookView> {
  assertCan(actor, "alerts:manage");
  const row = await db.spikeWebhook.findUnique({ where: { id: ROW_ID } });
  const setBy = row?.urlSetById
    ? await db.user.findUnique({ where: { id: row.urlSetById }, select: { name: true, email: true } })
    : null;
  return {
    urlSet: Boolean(row?.urlEncrypted),
    urlSetAt: row?.urlEncrypted ? row.urlSetAt : null,
    urlSetBy: setBy ? `${setBy.name} (${setBy.email})` : null,
    enabled: row?.enabled ?? false,
    cooldownMinutes: row?.cooldownMinutes ?? DEFAULT_COOLDOWN_MINUTES,
    locale: row && isLocale(row.locale) ? row.locale : "nb",
  };
}

export interface WebhookChange {
  /** A new URL (already checked with webhookUrlProblem), or undefined to keep the stored one. */
  url?: string;
  removeUrl: boolean;
  enabled: boolean;
  cooldownMinutes: number;
  locale: Locale;
}

export type SaveWebhookResult = { ok: true } | { ok: false; code: "needsUrl" };

export async function saveWebhookSettings(
  db: PrismaClient,
  actor: Actor | null,
  change: WebhookChange,
  encryptionKey: Buffer,
  now = new Date(),
): Promise<SaveWebhookResult> {
  assertCan(actor, "alerts:manage");
  const current = await db.spikeWebhook.findUnique({ where: { id: ROW_ID }, select: { urlEncrypted: true } });
  const newUrl = change.url && !change.removeUrl ? change.url : undefined;
  const willHaveUrl = newUrl !== undefined || (!change.removeUrl && Boolean(current?.urlEncrypted));
  if (change.enabled && !willHaveUrl) return { ok: false, code: "needsUrl" };
  const url = newUrl
    ? { urlEncrypted: encrypt(newUrl, encryptionKey, AAD), urlSetAt: now, urlSetById: actor.id }
    : change.removeUrl
      ? { urlEncrypted: null, urlSetAt: null, urlSetById: null }
      : {};
  const data = { ...url, enabled: change.enabled, cooldownMinutes: change.cooldownMinutes, locale: change.locale };
  await db.spikeWebhook.upsert({ where: { id: ROW_ID }, create: { id: ROW_ID, ...data }, update: data });
  await audit(db, {
    action: "spike_webhook_updated",
    outcome: "success",
    who: actor,
    details: {
      url: newUrl ? "replaced" : change.removeUrl ? "removed" : "kept",
      enabled: change.enabled ? 1 : 0,
      cooldownMinutes: change.cooldownMinutes,
      locale: change.locale,
    },
  });
  return { ok: true };
}

export type TestWebhookResult = { ok: true; outcome: WebhookOutcome } | { ok: false; code: "noUrl" };

/** Posts the test message to `url` (typed, not yet saved) or else the stored URL; audited either way. */
export async function testWebhook(
  db: PrismaClient,
  actor: Actor | null,
  url: string | undefined,
  encryptionKey: Buffer,
  locale: Locale,
): Promise<TestWebhookResult> {
  assertCan(actor, "alerts:manage");
  const target = url ?? (await readWebhookConfig(db, encryptionKey)).url;
  if (!target) return { ok: false, code: "noUrl" };
  const outcome = await postWebhook(target, testMessage(locale));
  await audit(db, {
    action: "spike_webhook_tested",
    outcome: outcome.ok ? "success" : "failed",
    who: actor,
    details: {
      url: url ? "typed" : "stored",
      ...("status" in outcome ? { status: outcome.status } : {}),
      ...(!outcome.ok ? { reason: outcome.reason } : {}),
    },
  });
  return { ok: true, outcome };
}
