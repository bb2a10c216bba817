import { getSessionUser } from "@/lib/auth/session";
import { csvDownload } from "@/lib/dashboard/csv";
import { verifiedPaymentsCsv } from "@/lib/dashboard/receipts";

/** The verified receipts of one mode as CSV, streamed. */
export async function GET(request: Request): Promise<Response> {
  const user = await getSessionUser();
  if (!user) return new Response("Log in to export verified receipts.", { status: 401 });
  const mode = new URL(request.url).searchParams.get("mode") === "live" ? "live" : "test";
  const day = new Date().toISOString().slice(0, 10);
  return csvDownload(`khqr-verified-receipts-${mode}-${day}.csv`, verifiedPaymentsCsv(user.id, mode));
}
