import { getPublicPaymentStatus } from "@/lib/dashboard/public-payment";

/**
 * The payment page's live status. Public like the page itself: it answers only the status and the two
 * times, for whoever already holds the md5 (a 128-bit value printed in the link).
 */
export async function GET(_request: Request, { params }: { params: Promise<{ md5: string }> }): Promise<Response> {
  const { md5 } = await params;
  const status = await getPublicPaymentStatus(md5);
  const headers = { "Cache-Control": "no-store" };
  if (!status) return Response.json({ error: "not_found", message: "No payment with this md5." }, { status: 404, headers });
  return Response.json(status, { headers });
}
