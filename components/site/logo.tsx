import Link from "next/link";

export function LogoMark({ className = "size-7" }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" className={className} aria-hidden="true">
      <rect width="32" height="32" rx="8" className="fill-brand-600" />
      <path d="M8 8h6v6H8zM18 8h6v6h-6zM8 18h6v6H8z" fill="white" />
      <path d="M18 18h2.5v2.5H18zM21.5 21.5H24V24h-2.5zM18 21.5h2.5V24H18zM21.5 18H24v2.5h-2.5z" fill="white" opacity=".85" />
    </svg>
  );
}

export function Logo({ href = "/" }: { href?: string }) {
  return (
    <Link href={href} className="flex items-center gap-2 font-semibold tracking-tight text-slate-900">
      <LogoMark />
      <span className="whitespace-nowrap">KHQR Pay</span>
    </Link>
  );
}
