import { getSessionUser } from "@/lib/auth/session";
import { csvDownload } from "@/lib/dashboard/csv";
import { parseTransactionFilters } from "@/lib/dashboard/transaction-filters";
import { transactionsCsv } from "@/lib/dashboard/transactions-csv";

/** The filtered transactions as CSV, streamed: exporting 100,000 rows never holds them all in memory. */
export async function GET(request: Request): Promise<Response> {
  const user = await getSessionUser();
  if (!user) return new Response("Log in to export transactions.", { status: 401 });
  const filters = parseTransactionFilters(new URL(request.url).searchParams, "test");
  const day = new Date().toISOString().slice(0, 10);
  return csvDownload(`khqr-transactions-${filters.mode}-${day}.csv`, transactionsCsv(user.id, filters));
}
