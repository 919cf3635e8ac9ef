"use server";
// "Cancel and sign in again" on the code step: the pending sign-in is dropped, back to the password.
import { redirect } from "next/navigation";
import { publicActionClient } from "@/lib/actions/client";
import { clearPendingCookie } from "@/lib/auth/two-factor/pending-cookie";

export const cancelSignInCodeAction = publicActionClient
  .metadata({ name: "cancel-sign-in-code", permission: null })
  .action(async () => {
    await clearPendingCookie();
    redirect("/login");
  });

/** For a plain `<form action>` (it always ends on /login). */
export async function cancelSignInCodeFormAction(): Promise<void> {
  await cancelSignInCodeAction();
}
