"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/** Prints the card (the rest of the page is hidden from print by `print:hidden`). */
export function PrintButton() {
  const t = useTranslations("pay.static");
  return (
    <Button variant="secondary" size="md" className="w-full print:hidden" onClick={() => window.print()}>
      {t("print")}
    </Button>
  );
}
