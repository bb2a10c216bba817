"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * Re-renders the server page while a payment is pending, so it turns paid without a reload: at once when
 * the payment's status stream (the payment page's Server-Sent Events) says it changed, and every
 * `everyMs` regardless, for the checks and events the stream does not carry.
 */
export function AutoRefresh({ publicId, everyMs = 10_000 }: { publicId: string; everyMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), everyMs);
    const events = typeof EventSource === "undefined" ? null : new EventSource(`/pay/${publicId}/events`);
    let first = true;
    events?.addEventListener("status", () => {
      // The first event is the status as the page already shows it.
      if (!first) router.refresh();
      first = false;
    });
    return () => {
      clearInterval(timer);
      events?.close();
    };
  }, [router, publicId, everyMs]);
  return null;
}
