"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "./button";

/** Copies text to the clipboard and says so. Where the browser refuses (plain-HTTP origins), the text stays on screen to copy by hand. */
export function CopyButton({ value, label }: { value: string; label?: string }) {
  const t = useTranslations("common");
  const [copied, setCopied] = useState(false);
  const text = label ?? t("copy");
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
    <Button variant="secondary" size="sm" onClick={copy} aria-label={t("toClipboard", { label: text })}>
      <span aria-live="polite">{copied ? t("copied") : text}</span>
    </Button>
  );
}
