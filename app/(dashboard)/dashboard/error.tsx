"use client";

import { useEffect } from "react";
import { Button } from "@/components/ui/button";

export default function DashboardError({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest = error instanceof Error && "digest" in error ? String(error.digest) : null;
  return (
    <div role="alert" className="rounded-xl bg-white p-8 text-center shadow-sm ring-1 ring-slate-200">
      <h2 className="text-lg font-semibold text-slate-900">This page could not be loaded</h2>
      <p className="mt-2 text-sm text-slate-600">Something went wrong on our side. Your data is safe; please try again.</p>
      {digest ? <p className="mt-1 font-mono text-xs text-slate-400">Reference: {digest}</p> : null}
      <Button className="mt-6" onClick={() => retry()}>
        Try again
      </Button>
    </div>
  );
}
