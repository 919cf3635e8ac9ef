// The signed-in user as the server knows it: the session cookie names a server-side session, the
// database says whether it still holds (lib/auth/sessions.ts) and what the user may do now.
import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { auth } from "@/auth";
import { db } from "@/lib/db/client";
import { actorOf } from "./actor-of";
import { safeCallbackPath } from "./callback-url";
import type { Actor } from "./permissions";
import { resumeSession } from "./sessions";

export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const live = await resumeSession(await db(), { sessionId: session?.sid, userId: session?.user?.id });
  if (!live) return null;
  return actorOf(live.user, live.id);
});

/** For pages and actions: the actor, or off to /login (remembering the page, as the proxy does). */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) {
    const path = safeCallbackPath((await headers()).get("x-request-path"));
    redirect(path === "/" ? "/login" : `/login?callbackUrl=${encodeURIComponent(path)}`);
  }
  return actor;
}
