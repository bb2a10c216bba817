import { serve } from "inngest/next";
import { inngest, inngestFunctions, isInngestConfigured } from "@/lib/jobs/inngest";

/**
 * Inngest calls this route to run the background functions. Without INNGEST_EVENT_KEY / INNGEST_DEV the
 * in-process scheduler does that work instead, and the route answers 404.
 */
function notConfigured(): Response {
  return Response.json(
    {
      error: "not_found",
      message: "Inngest is not configured on this server (set INNGEST_EVENT_KEY and INNGEST_SIGNING_KEY, or INNGEST_DEV=1).",
    },
    { status: 404 },
  );
}

const handlers = isInngestConfigured() ? serve({ client: inngest, functions: inngestFunctions }) : null;

export const GET = handlers?.GET ?? notConfigured;
export const POST = handlers?.POST ?? notConfigured;
export const PUT = handlers?.PUT ?? notConfigured;
