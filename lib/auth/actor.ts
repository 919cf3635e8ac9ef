// The signed-in user as the server knows it: the session cookie names a server-side session, the
// database says whether it still holds (lib/auth/sessions.ts) and what the user may do now.
import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import { actorOf } from "./actor-of";
import { safeCallbackPath } from "./callback-url";
import type { Actor } from "./permissions";
import { sessionIdsFrom } from "./session-cookie";
import { resumeSession } from "./sessions";
import { ENROL_PATH, isEnrolPath, twoFactorState } from "./two-factor/policy";

/** Once per request (cache): the cookie decrypted, then the session, user and sales units in one query. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const ids = await sessionIdsFrom(await headers());
  if (!ids) return null;
  const live = await resumeSession(await db(), ids);
  if (!live) return null;
  return { ...actorOf(live.user, live.id), twoFactor: twoFactorState(live.user) };
});

/**
 * For pages: the actor, or off to /login (remembering the page, as the proxy does). A user whose
 * role requires two-factor sign-in and who has not enrolled is sent to the enrolment page from
 * every other page (actions refuse them in lib/actions/client.ts).
 */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  const requestPath = (await headers()).get("x-request-path") ?? "";
  if (!actor) {
    const path = safeCallbackPath(requestPath);
    redirect(path === "/" ? "/login" : `/login?callbackUrl=${encodeURIComponent(path)}`);
  }
  if (actor.twoFactor?.mustEnrol && !isEnrolPath(requestPath)) redirect(ENROL_PATH);
  return actor;
}
