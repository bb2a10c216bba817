"use client";

import { Button } from "@/components/ui/button";

/** Prints the card (the rest of the page is hidden from print by `print:hidden`). */
export function PrintButton() {
  return (
    <Button variant="secondary" size="md" className="w-full print:hidden" onClick={() => window.print()}>
      Print this card
    </Button>
  );
}
