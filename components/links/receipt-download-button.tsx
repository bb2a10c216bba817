"use client";

import { Button } from "@/components/ui/button";

/** Saves the receipt through the browser's print dialog ("Save as PDF" on phones and computers alike). */
export function ReceiptDownloadButton() {
  return (
    <Button variant="secondary" size="md" className="w-full print:hidden" onClick={() => window.print()}>
      Download receipt
    </Button>
  );
}
