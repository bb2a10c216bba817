import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { Logo } from "./logo";

/** The header of the public pages; the calls to action depend on whether someone is signed in. */
export function SiteHeader({ signedIn }: { signedIn: boolean }) {
  return (
    <header className="sticky top-0 z-20 border-b border-slate-200/80 bg-white/90 backdrop-blur">
      <div className="mx-auto flex h-16 max-w-6xl items-center justify-between gap-4 px-4 sm:px-6">
        <Logo />
        <nav aria-label="Main" className="flex items-center gap-1 text-sm sm:gap-2">
          <Link href="/#how-it-works" className="hidden rounded-md px-3 py-2 text-slate-600 hover:text-slate-900 sm:block">
            How it works
          </Link>
          <Link href="/#pricing" className="hidden rounded-md px-3 py-2 text-slate-600 hover:text-slate-900 sm:block">
            Pricing
          </Link>
          <Link href="/docs" className="rounded-md px-3 py-2 text-slate-600 hover:text-slate-900">
            Docs
          </Link>
          {signedIn ? (
            <Link href="/dashboard" className={buttonClasses("primary", "sm")}>
              Dashboard
            </Link>
          ) : (
            <>
              <Link href="/login" className="rounded-md px-3 py-2 text-slate-600 hover:text-slate-900">
                Log in
              </Link>
              <Link href="/signup" className={buttonClasses("primary", "sm")}>
                Sign up
              </Link>
            </>
          )}
        </nav>
      </div>
    </header>
  );
}
