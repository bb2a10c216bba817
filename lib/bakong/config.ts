import type { LiveBakongOptions } from "./types";

export const DEFAULT_BAKONG_API_URL = "https://api-bakong.nbc.gov.kh";

/** Reads BAKONG_API_URL, BAKONG_TOKEN, BAKONG_EMAIL and BAKONG_TIMEOUT_MS. A missing token is not an error here: the client reports it per call. */
export function bakongConfigFromEnv(env: NodeJS.ProcessEnv = process.env): LiveBakongOptions {
  const options: LiveBakongOptions = { baseUrl: present(env.BAKONG_API_URL) ?? DEFAULT_BAKONG_API_URL };
  const token = present(env.BAKONG_TOKEN);
  if (token !== undefined) options.token = token;
  const email = present(env.BAKONG_EMAIL);
  if (email !== undefined) options.email = email;
  const timeout = present(env.BAKONG_TIMEOUT_MS);
  if (timeout !== undefined) options.timeoutMs = parseTimeout(timeout);
  return options;
}

function present(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  // Stryker disable next-line ConditionalExpression: equivalent, an undefined value is returned as undefined either way; the blank check is killed by tests
  return trimmed === undefined || trimmed === "" ? undefined : trimmed;
}

function parseTimeout(value: string): number {
  const timeoutMs = Number(value);
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) {
    throw new Error(`BAKONG_TIMEOUT_MS must be a positive whole number of milliseconds, got "${value}"`);
  }
  return timeoutMs;
}
