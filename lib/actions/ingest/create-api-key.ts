"use server";
// Creates an API key for the shop's ingest API. The key comes back once, in this action's state;
// only its hash is stored (lib/ingest/api-keys.ts).
import { randomUUID } from "node:crypto";
import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { createApiKey, createApiKeySchema } from "@/lib/ingest/api-keys";
import { interpolate } from "@/lib/i18n/locales";
import { getI18n } from "@/lib/i18n/server";

export interface CreateApiKeyState {
  error?: string;
  created?: { name: string; key: string };
}

export async function createApiKeyAction(_prev: CreateApiKeyState, form: FormData): Promise<CreateApiKeyState> {
  const { t } = await getI18n();
  const e = t.ingest.apiKeys.errors;
  const actor = await getActor();
  if (!actor || !can(actor, "users:manage")) return { error: t.forbidden.title };
  const parsed = createApiKeySchema.safeParse({
    name: form.get("name") ?? "",
    allSalesUnits: form.get("allSalesUnits") === "on",
    msns: form.getAll("msns"),
  });
  if (!parsed.success) return { error: parsed.error.issues.some((i) => i.message === "name") ? e.name : e.scope };
  try {
    const created = await createApiKey(await db(), actor, parsed.data);
    revalidatePath("/admin/api-keys");
    return { created: { name: created.name, key: created.key } };
  } catch (err) {
    if (isAppError(err) && err.code === "invalid_input") return { error: e.unknownUnit };
    const ref = randomUUID().slice(0, 8);
    console.error(`[create-api-key ${ref}]`, err);
    return { error: interpolate(e.unexpected, { ref }) };
  }
}
