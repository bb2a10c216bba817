"use client";

import { useState } from "react";
import { Button } from "./button";

/** Copies text to the clipboard and says so. Where the browser refuses (plain-HTTP origins), the text stays on screen to copy by hand. */
export function CopyButton({ value, label = "Copy" }: { value: string; label?: string }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      setCopied(false);
    }
  }
  return (
    <Button variant="secondary" size="sm" onClick={copy} aria-label={`${label} to clipboard`}>
      <span aria-live="polite">{copied ? "Copied" : label}</span>
    </Button>
  );
}
