// The page a one-time password link opens (an invitation or a reset). Public: the person is not
// signed in. The token is checked before the form is shown, and again, atomically, when it is used.
import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { PasswordForm } from "@/components/account/password-form";
import { LanguageSwitch } from "@/components/shell/language-switch";
import { Brand } from "@/components/ui/brand";
import { db } from "@/lib/db/client";
import { interpolate } from "@/lib/i18n/locales";
import { getI18n } from "@/lib/i18n/server";
import { readPasswordLink } from "@/lib/users/password";

export async function generateMetadata(): Promise<Metadata> {
  // Never let a search engine or a link preview keep the address.
  return { title: (await getI18n()).t.myAccount.setPassword.submit, robots: { index: false, follow: false } };
}

export default async function SetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const [{ t, locale }, { token }] = await Promise.all([getI18n(), params]);
  const link = await readPasswordLink(await db(), token);
  const s = t.myAccount.setPassword;
  return (
    <div className="flex min-h-screen flex-col items-center justify-center gap-6 px-4 py-10">
      <div className="absolute right-4 top-4">
        <LanguageSwitch locale={locale} t={t} />
      </div>
      <main className="w-full max-w-md rounded-card border border-surface-line bg-surface p-8 shadow-card">
        <Brand t={t} className="mb-6" />
        {link.ok ? (
          <>
            <h1 className="text-xl font-semibold">
              {interpolate(link.purpose === "invite" ? s.titleInvite : s.titleReset, { name: link.user.name })}
            </h1>
            <p className="mb-5 mt-1 text-sm text-ink-muted">{interpolate(s.intro, { email: link.user.email })}</p>
            <PasswordForm t={t.myAccount} token={token} email={link.user.email} />
          </>
        ) : (
          <>
            <h1 className="text-xl font-semibold">{s.unusable}</h1>
            <p role="alert" data-testid="link-problem" className="mt-3 text-sm text-bad-fg">
              {t.myAccount.passwordProblems[link.problem]}
            </p>
            <Link href="/login" className="mt-5 inline-block text-sm font-medium text-brand-700 hover:underline">
              {s.toLogin}
            </Link>
          </>
        )}
      </main>
    </div>
  );
}
