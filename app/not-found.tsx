import Link from "next/link";
import { Logo } from "@/components/site/logo";
import { buttonClasses } from "@/components/ui/button";

export default function NotFound() {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-6 px-4 text-center">
      <Logo />
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">Page not found</h1>
        <p className="mt-2 text-slate-600">The page you asked for does not exist or is not yours to see.</p>
      </div>
      <Link href="/" className={buttonClasses("secondary", "md")}>
        Go home
      </Link>
    </main>
  );
}
