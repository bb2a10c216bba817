import { randomUUID } from "node:crypto";
import { and, count, eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { webhookEndpoints } from "@/lib/db/schema";
import { generateWebhookSecret } from "../secret";
import { checkWebhookUrl, type TargetEnv } from "../target-policy";
import { DEFAULT_WEBHOOK_EVENTS, type Mode, type WebhookEvent } from "@/lib/config/enums";
import { AppError } from "@/lib/errors";

/** Enough for staging + production receivers and a few integrations; more is almost always a mistake. */
export const MAX_ENDPOINTS_PER_MODE = 10;

export type CreatedEndpoint = { id: string; mode: Mode; url: string; secret: string; events: WebhookEvent[] };

/** Adds an endpoint for the user's live or test payments, with a fresh signing secret. */
export async function createWebhookEndpoint(
  userId: string,
  input: { url: string; mode: Mode; events?: readonly WebhookEvent[] },
  env: TargetEnv = process.env,
): Promise<CreatedEndpoint> {
  const checked = checkWebhookUrl(input.url, env);
  if (!checked.ok) throw new AppError("invalid_input", checked.message, { field: "url" });
  const events = [...new Set(input.events ?? DEFAULT_WEBHOOK_EVENTS)];
  if (events.length === 0) throw new AppError("invalid_input", "Choose at least one event to receive.", { field: "events" });
  const db = await getDb();
  const [existing] = await db
    .select({ n: count() })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.userId, userId), eq(webhookEndpoints.mode, input.mode)));
  // Stryker disable next-line OptionalChaining: count() without GROUP BY always returns exactly one row
  if ((existing?.n ?? 0) >= MAX_ENDPOINTS_PER_MODE) {
    throw new AppError("conflict", `You already have ${MAX_ENDPOINTS_PER_MODE} ${input.mode} endpoints; delete one first.`, {
      field: "url",
    });
  }
  const endpoint = { id: randomUUID(), userId, mode: input.mode, url: checked.url, secret: generateWebhookSecret(), events };
  await db.insert(webhookEndpoints).values(endpoint);
  return { id: endpoint.id, mode: endpoint.mode, url: endpoint.url, secret: endpoint.secret, events };
}
