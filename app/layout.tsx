import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "KHQR Pay — Bakong KHQR payments API", template: "%s · KHQR Pay" },
  description: "Accept Bakong KHQR payments from your website or app: create QR codes, learn when they are paid, get signed webhooks.",
};

export const viewport: Viewport = { themeColor: "#cf1f2c" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request: its scripts carry that request's CSP nonce (proxy.ts).
  await headers();
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">{children}</body>
    </html>
  );
}
