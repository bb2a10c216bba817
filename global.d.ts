import type { Locale } from "@/lib/config/enums";
import type en from "./messages/en.json";

// Every t("…") key is checked against the English catalogue: a missing or misspelt key fails typecheck.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof en;
  }
}
