import type { BakongLog } from "./types";

/** What every Bakong HTTP call needs, with defaults already applied. */
export type BakongHttpSettings = {
  baseUrl: string;
  timeoutMs: number;
  fetchImpl: typeof fetch;
  log: BakongLog;
};

export function bakongUrl(settings: BakongHttpSettings, path: string): string {
  return `${settings.baseUrl.replace(/\/+$/, "")}${path}`;
}
