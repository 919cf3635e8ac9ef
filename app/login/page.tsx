import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { SecondFactorForm } from "@/components/auth/second-factor-form";
import { LanguageSwitch } from "@/components/shell/language-switch";
import { Brand } from "@/components/ui/brand";
import { getActor } from "@/lib/auth/actor";
import { safeCallbackPath } from "@/lib/auth/config";
import { DEMO_USERS } from "@/lib/auth/demo-users";
import { pendingSignIn } from "@/lib/auth/two-factor/pending-cookie";
import { env } from "@/lib/env";
import { getI18n } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.login.title };
}

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ t, locale }, params, actor, pending] = await Promise.all([
    getI18n(),
    searchParams,
    getActor(),
    pendingSignIn(),
  ]);
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  if (actor) redirect(callbackUrl);
  const demo = env().demoMode;
  return (
    <div className="flex min-h-screen flex-col items-center justify-center gap-6 px-4 py-10">
      <div className="absolute right-4 top-4">
        <LanguageSwitch locale={locale} t={t} />
      </div>
      <div className="w-full max-w-sm rounded-card border border-surface-line bg-surface p-8 shadow-card">
        <Brand t={t} className="mb-6" />
        {pending ? (
          <SecondFactorForm t={t.twoFactor.signIn} email={pending.email} callbackUrl={callbackUrl} />
        ) : (
          <>
            <h1 className="text-xl font-semibold">{t.login.title}</h1>
            <p className="mb-5 mt-1 text-sm text-ink-muted">{t.login.subtitle}</p>
            <LoginForm t={t.login} callbackUrl={callbackUrl} />
          </>
        )}
      </div>
      {demo && !pending ? (
        <section
          data-testid="demo-users"
          className="w-full max-w-md rounded-card border border-dashed border-brand-500/40 bg-brand-50 p-4 text-sm"
        >
          <h2 className="font-semibold text-brand-700">{t.login.demoTitle}</h2>
          <p className="mb-2 text-xs text-ink-muted">{t.login.demoHint}</p>
          <table className="w-full text-xs">
            <tbody>
              {DEMO_USERS.map((u) => (
                <tr key={u.email}>
                  <td className="py-0.5 pr-2 text-ink-muted">{t.roles[u.role]}</td>
                  <td className="py-0.5 pr-2 font-mono">{u.email}</td>
                  <td className="whitespace-nowrap py-0.5 font-mono">{u.password}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </div>
  );
}
