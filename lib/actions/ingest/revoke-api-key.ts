"use server";
// Revokes a shop API key at once: the next request with it gets 401.
import { randomUUID } from "node:crypto";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { revokeApiKey } from "@/lib/ingest/api-keys";
import { interpolate } from "@/lib/i18n/locales";
import { getI18n } from "@/lib/i18n/server";

export interface RevokeApiKeyState {
  error?: string;
}

const input = z.object({ id: z.uuid() });

export async function revokeApiKeyAction(_prev: RevokeApiKeyState, form: FormData): Promise<RevokeApiKeyState> {
  const { t } = await getI18n();
  const e = t.ingest.apiKeys.errors;
  const actor = await getActor();
  if (!actor || !can(actor, "users:manage")) return { error: t.forbidden.title };
  const parsed = input.safeParse({ id: form.get("id") });
  if (!parsed.success) return { error: e.notFound };
  try {
    await revokeApiKey(await db(), actor, parsed.data.id);
    revalidatePath("/admin/api-keys");
    return {};
  } catch (err) {
    if (isAppError(err) && err.code === "not_found") return { error: e.notFound };
    const ref = randomUUID().slice(0, 8);
    console.error(`[revoke-api-key ${ref}]`, err);
    return { error: interpolate(e.unexpected, { ref }) };
  }
}
