"use server";
import { signOut } from "@/auth";
import { getActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";

export async function signOutAction(): Promise<void> {
  const actor = await getActor();
  if (actor) {
    await (
      await db()
    ).auditLog.create({ data: { userId: actor.id, userEmail: actor.email, action: "sign_out", outcome: "success" } });
  }
  await signOut({ redirectTo: "/login" });
}
