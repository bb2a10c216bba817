import { paymentStatusStream } from "@/lib/dashboard/payment-status-stream";

/** The payment page's live status as Server-Sent Events; public like the page and its /status. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const stream = await paymentStatusStream((await params).id, request.signal);
  if (!stream)
    return Response.json(
      { error: "not_found", message: "No such payment page." },
      { status: 404, headers: { "Cache-Control": "no-store" } },
    );
  return new Response(stream, {
    headers: { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-store, no-transform", "X-Accel-Buffering": "no" },
  });
}

export const dynamic = "force-dynamic";
