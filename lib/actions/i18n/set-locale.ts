"use server";
// The language switch (works without JavaScript: each button posts this action).
import { revalidatePath } from "next/cache";
import { cookies, headers } from "next/headers";
import { z } from "zod";
import { zfd } from "zod-form-data";
import { publicActionClient } from "@/lib/actions/client";
import { LOCALE_COOKIE, LOCALES } from "@/lib/i18n/locales";

const setLocaleInput = zfd.formData({ locale: z.enum(LOCALES) });

export const setLocaleAction = publicActionClient
  .metadata({ name: "set-locale", permission: null })
  .inputSchema(setLocaleInput)
  .action(async ({ parsedInput: { locale } }) => {
    const https = (await headers()).get("x-forwarded-proto") === "https";
    (await cookies()).set(LOCALE_COOKIE, locale, {
      path: "/",
      sameSite: "lax",
      maxAge: 365 * 24 * 60 * 60,
      httpOnly: false,
      secure: https,
    });
    revalidatePath("/", "layout");
  });

/** For a plain `<form action>`: an unknown value changes nothing. */
export async function setLocaleFormAction(form: FormData): Promise<void> {
  await setLocaleAction(form);
}
