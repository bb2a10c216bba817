import { getSessionUser } from "@/lib/auth/session";
import { verifiedPaymentsCsv } from "@/lib/dashboard/receipts";

/** The verified receipts of one mode as CSV, streamed. */
export async function GET(request: Request): Promise<Response> {
  const user = await getSessionUser();
  if (!user) return new Response("Log in to export verified receipts.", { status: 401 });
  const mode = new URL(request.url).searchParams.get("mode") === "live" ? "live" : "test";
  const lines = verifiedPaymentsCsv(user.id, mode);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await lines.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await lines.return(undefined);
    },
  });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="khqr-verified-receipts-${mode}-${day}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
