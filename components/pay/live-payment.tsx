"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { QrCode } from "@/components/ui/qr-code";
import type { TransactionStatus } from "@/lib/config/enums";

type Status = { status: TransactionStatus; paid_at: string | null; expires_at: string | null };

/** Only where the browser has no EventSource: the status is otherwise pushed the moment it changes. */
const POLL_MS = 3000;
/** Long enough to see "Paid" before a payment link's success step takes over. */
const PAID_PAUSE_MS = 1500;

function remaining(expiresAt: string | null, now: number | null): number | null {
  return expiresAt && now !== null ? Math.max(0, Math.floor((Date.parse(expiresAt) - now) / 1000)) : null;
}

function clock(seconds: number): string {
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const secs = String(seconds % 60).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${secs}` : `${minutes}:${secs}`;
}

/** Pushed status changes; the browser's EventSource reconnects by itself after a dropped connection. */
function watchStatus(publicId: string, onStatus: (status: Status) => void): () => void {
  if (typeof EventSource === "undefined") {
    const poll = setInterval(async () => {
      try {
        const response = await fetch(`/pay/${publicId}/status`, { cache: "no-store" });
        if (response.ok) onStatus((await response.json()) as Status);
      } catch {
        // A dropped request on a phone's flaky connection: the next poll tries again.
      }
    }, POLL_MS);
    return () => clearInterval(poll);
  }
  const events = new EventSource(`/pay/${publicId}/events`);
  events.addEventListener("status", (message) => onStatus(JSON.parse((message as MessageEvent<string>).data) as Status));
  return () => events.close();
}

/** The QR with its live status, pushed by the server (Server-Sent Events), swapping to a confirmation once paid. */
export function LivePayment({
  publicId,
  qr,
  amountLabel,
  initial,
  paidRedirect,
}: {
  publicId: string;
  qr: string;
  amountLabel: string;
  initial: Status;
  /** Where to go once paid (after a moment showing "Paid"); the page stays when absent. */
  paidRedirect?: string;
}) {
  const t = useTranslations("pay");
  const [status, setStatus] = useState(initial);
  // Unknown until the browser runs: a clock read during server rendering would not match the browser's
  // first render and React would throw the server HTML away (hydration mismatch).
  const [now, setNow] = useState<number | null>(null);

  useEffect(() => {
    if (status.status !== "pending") return;
    const first = setTimeout(() => setNow(Date.now()), 0);
    const tick = setInterval(() => setNow(Date.now()), 1000);
    const stop = watchStatus(publicId, setStatus);
    return () => {
      clearTimeout(first);
      clearInterval(tick);
      stop();
    };
  }, [publicId, status.status]);

  useEffect(() => {
    if (status.status !== "paid" || !paidRedirect) return;
    const leave = setTimeout(() => window.location.assign(paidRedirect), PAID_PAUSE_MS);
    return () => clearTimeout(leave);
  }, [status.status, paidRedirect]);

  const seconds = remaining(status.expires_at, now);
  const timedOut = status.status === "expired" || (status.status === "pending" && seconds === 0);

  if (status.status === "paid") {
    return (
      <div className="flex flex-col items-center py-6 text-center" role="status" aria-live="polite">
        <div className="grid size-20 place-items-center rounded-full bg-emerald-100 text-emerald-600">
          <svg viewBox="0 0 24 24" className="size-10" fill="none" stroke="currentColor" strokeWidth="2.5" aria-hidden="true">
            <path d="M5 13l4 4L19 7" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
        </div>
        <p className="mt-4 text-2xl font-semibold text-emerald-700" data-testid="pay-status">
          {t("paid")}
        </p>
        <p className="mt-1 text-sm text-slate-600">{t("received", { amount: amountLabel })}</p>
        {paidRedirect ? <p className="mt-3 text-xs text-slate-500">{t("oneMoment")}</p> : null}
      </div>
    );
  }

  return (
    <div className="flex flex-col items-center">
      <div className={timedOut ? "opacity-30 grayscale" : ""}>
        <QrCode value={qr} size={248} label={t("qrLabel", { amount: amountLabel })} />
      </div>
      <div className="mt-4 flex items-center gap-2 text-sm" role="status" aria-live="polite">
        {timedOut ? (
          <span className="font-medium text-slate-700" data-testid="pay-status">
            {t("expired")}
          </span>
        ) : (
          <>
            <span className="relative flex size-2.5" aria-hidden="true">
              <span className="absolute inline-flex size-full animate-ping rounded-full bg-amber-400 opacity-75" />
              <span className="relative inline-flex size-2.5 rounded-full bg-amber-500" />
            </span>
            <span className="font-medium text-slate-700" data-testid="pay-status">
              {t("waiting")}
            </span>
          </>
        )}
      </div>
      {seconds !== null && !timedOut ? (
        <p className="mt-1 text-sm text-slate-500">
          {t.rich("expiresIn", {
            clock: clock(seconds),
            time: (chunks) => <span className="font-mono font-medium text-slate-800 tabular-nums">{chunks}</span>,
          })}
        </p>
      ) : null}
      {timedOut ? null : <p className="mt-4 text-center text-xs text-slate-500">{t("scanHint")}</p>}
    </div>
  );
}
