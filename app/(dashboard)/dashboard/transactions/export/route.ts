import { getSessionUser } from "@/lib/auth/session";
import { transactionsCsv } from "@/lib/dashboard/csv";
import { parseTransactionFilters } from "@/lib/dashboard/transaction-filters";

/** The filtered transactions as CSV, streamed: exporting 100,000 rows never holds them all in memory. */
export async function GET(request: Request): Promise<Response> {
  const user = await getSessionUser();
  if (!user) return new Response("Log in to export transactions.", { status: 401 });
  const filters = parseTransactionFilters(new URL(request.url).searchParams, "test");
  const lines = transactionsCsv(user.id, filters);
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
      "Content-Disposition": `attachment; filename="khqr-transactions-${filters.mode}-${day}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
