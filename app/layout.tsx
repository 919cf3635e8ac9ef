import type { Metadata } from "next";
import { GeistMono } from "geist/font/mono";
import { GeistSans } from "geist/font/sans";
import type { ReactNode } from "react";
import { getI18n } from "@/lib/i18n/server";
import { Toaster } from "@/components/ui/toast";
import { Providers } from "./providers";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return {
    title: { default: t.appName, template: `%s · ${t.appName}` },
    description: t.tagline,
    robots: { index: false },
  };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const { locale, t } = await getI18n();
  return (
    <html lang={locale === "nb" ? "nb" : "en"} className={`${GeistSans.variable} ${GeistMono.variable}`}>
      <body className="min-h-screen font-sans">
        <Providers>{children}</Providers>
        <Toaster label={t.common.notifications} close={t.common.closeNotification} />
      </body>
    </html>
  );
}
