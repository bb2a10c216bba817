import "@fontsource-variable/noto-sans-khmer";
import type { Metadata, Viewport } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { FormatProvider } from "@/components/i18n/format-provider";
import { requestPreferences } from "@/i18n/preferences";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("site");
  return { title: { default: t("metaTitle"), template: "%s · KHQR Pay" }, description: t("metaDescription") };
}

export const viewport: Viewport = { themeColor: "#cf1f2c" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request: its scripts carry that request's CSP nonce (proxy.ts), and its language
  // is the reader's (saved preference, cookie or Accept-Language).
  const preferences = await requestPreferences();
  return (
    <html lang={preferences.locale}>
      <body className={`min-h-screen bg-slate-50 text-slate-900 antialiased ${preferences.locale === "km" ? "font-khmer" : "font-sans"}`}>
        <NextIntlClientProvider>
          <FormatProvider preferences={preferences}>{children}</FormatProvider>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
