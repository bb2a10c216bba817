import Link from "next/link";
import { LogoMark } from "./logo";

export function SiteFooter() {
  return (
    <footer className="border-t border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-col gap-4 px-4 py-8 text-sm text-slate-500 sm:flex-row sm:items-center sm:justify-between sm:px-6">
        <div className="flex items-center gap-2">
          <LogoMark className="size-5" />
          <span>KHQR Pay — Bakong KHQR payments for developers.</span>
        </div>
        <nav aria-label="Footer" className="flex gap-4">
          <Link href="/docs" className="hover:text-slate-900">
            API docs
          </Link>
          <Link href="/api/v1/openapi.json" className="hover:text-slate-900">
            OpenAPI
          </Link>
          <Link href="/signup" className="hover:text-slate-900">
            Create account
          </Link>
        </nav>
      </div>
    </footer>
  );
}
