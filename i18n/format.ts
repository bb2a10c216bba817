import { formatterFor, type Formatter } from "@/lib/i18n";
import { requestPreferences } from "./preferences";

/** The same formatters as useFormat(), for server components. */
export async function getFormat(): Promise<Formatter> {
  return formatterFor(await requestPreferences());
}
