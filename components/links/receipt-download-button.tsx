"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/** Saves the receipt through the browser's print dialog ("Save as PDF" on phones and computers alike). */
export function ReceiptDownloadButton() {
  const t = useTranslations("linkPage.done");
  return (
    <Button variant="secondary" size="md" className="w-full print:hidden" onClick={() => window.print()}>
      {t("download")}
    </Button>
  );
}
