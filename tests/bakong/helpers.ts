import { createHash } from "node:crypto";
import { createServer } from "node:net";
import { BakongUnavailableError, type BakongUnavailableReason } from "@/lib/bakong";

export function md5Of(label: string): string {
  return createHash("md5").update(label).digest("hex");
}

export async function unavailableError(promise: Promise<unknown>): Promise<BakongUnavailableError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof BakongUnavailableError) return error;
    throw error;
  }
  throw new Error("expected a BakongUnavailableError, but the call succeeded");
}

export async function expectUnavailable(promise: Promise<unknown>, reason: BakongUnavailableReason): Promise<BakongUnavailableError> {
  const error = await unavailableError(promise);
  if (error.reason !== reason) throw new Error(`expected reason ${reason}, got ${error.reason}: ${error.message}`);
  return error;
}

/** A 127.0.0.1 address whose port was just freed, so a connection to it is refused. */
export async function urlWithNothingListening(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${address.port}`;
}
