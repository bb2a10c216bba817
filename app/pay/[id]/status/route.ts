import { getPublicPaymentStatus } from "@/lib/dashboard/public-payment";
import { applyRateLimit } from "@/lib/ratelimit";
import { clientAddress } from "@/lib/std";

/**
 * The payment page's live status. Public like the page itself: it answers only the status and the two
 * times, for whoever holds the page's unguessable public id; limited per client address like the page.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const limit = await applyRateLimit({ ip: clientAddress(request.headers) }, "pay_page");
  const headers = { "Cache-Control": "no-store", ...limit.headers };
  if (!limit.allowed) return Response.json({ error: "rate_limit_exceeded", message: limit.message }, { status: 429, headers });
  const { id } = await params;
  const status = await getPublicPaymentStatus(id);
  if (!status) return Response.json({ error: "not_found", message: "No payment at this address." }, { status: 404, headers });
  return Response.json(status, { headers });
}
