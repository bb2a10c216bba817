import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { unroutedApiResponse } from "@/lib/api/routes";
import { authSecret, secureSessionCookies, sessionCookieName } from "@/lib/auth/secret";
import { findPublicLink, isSlug } from "@/lib/links";
import { contentSecurityPolicy } from "@/lib/std";

const SIGNED_IN_AREAS = ["/dashboard", "/onboarding"];
const AREA_HEADER = "x-khqr-area";

/**
 * Whether a server action comes from another site: its Origin names a host other than the one the request
 * was sent to (the check Next.js makes itself, which answers with a 500 rather than a refusal).
 */
function isForeignServerAction(request: NextRequest): boolean {
  if (request.method !== "POST" || !request.headers.has("next-action")) return false;
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? request.nextUrl.host;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

async function isSignedIn(request: NextRequest): Promise<boolean> {
  const token = await getToken({
    req: request,
    secret: authSecret(),
    secureCookie: secureSessionCookies(),
    cookieName: sessionCookieName(),
  });
  return Boolean(token?.sub);
}

/**
 * Runs before routing. /api/v1: answers paths and methods no route takes with the API's error envelope
 * (Next.js would answer an HTML 404 or an empty 405). Server actions posted from another site: 403.
 * Signed-in areas: sends signed-out visitors to the log-in page before anything renders; a convenience,
 * not the security boundary: every page and server action checks the session itself.
 */
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (pathname.startsWith("/api/v1")) return unroutedApiResponse(request.method, pathname) ?? NextResponse.next();
  if (isForeignServerAction(request)) return new NextResponse("Cross-site form submissions are refused.", { status: 403 });
  const inSignedInArea = SIGNED_IN_AREAS.some((area) => pathname === area || pathname.startsWith(`${area}/`));
  const closed = request.method === "GET" ? await closedLinkResponse(pathname) : null;
  if (closed) return closed;
  if (inSignedInArea && !(await isSignedIn(request))) {
    const login = new URL("/login", request.url);
    login.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(login);
  }
  return withContentSecurityPolicy(request, inSignedInArea);
}

const CLOSED_LINK_PAGE = `<!doctype html><html lang="km"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>Payment link closed</title></head>
<body style="margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;background:#f1f5f9;font-family:system-ui,-apple-system,sans-serif;padding:16px">
<main style="max-width:384px;width:100%;background:#fff;border-radius:16px;padding:24px;text-align:center;box-shadow:0 10px 15px -3px rgb(0 0 0 / .1);border:1px solid #e2e8f0">
<h1 lang="km" style="font-size:18px;color:#0f172a;margin:0;line-height:1.6">តំណបង់ប្រាក់នេះលែងប្រើបានហើយ</h1>
<p lang="km" style="font-size:14px;color:#475569;margin:8px 0 0;line-height:1.7">អាជីវករបានបិទតំណនេះ ឬវាផុតកំណត់ហើយ។ សូមសុំតំណថ្មីពីអាជីវករ។</p>
<h2 style="font-size:16px;color:#0f172a;margin:20px 0 0">This payment link is no longer available</h2>
<p style="font-size:14px;color:#475569;margin:8px 0 0">It was closed by the merchant or has expired. Please ask the merchant for a new link.</p>
</main></body></html>`;

/**
 * A deactivated, used (single-use) or expired payment link's page answers 410 Gone, which a page cannot
 * set: its status is known here, before routing. A QR the customer already has open still shows.
 */
async function closedLinkResponse(pathname: string): Promise<NextResponse | null> {
  const slug = /^\/l\/([^/]+)$/.exec(pathname)?.[1];
  if (!slug || !isSlug(slug)) return null;
  const found = await findPublicLink(slug);
  if (!found || found.status === "active") return null;
  return new NextResponse(CLOSED_LINK_PAGE, {
    status: 410,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
  });
}

/**
 * A fresh nonce per page view, on the request (Next.js reads it from there for its scripts) and the response,
 * and which area the page belongs to (always set here, so a client cannot choose it).
 */
function withContentSecurityPolicy(request: NextRequest, inSignedInArea: boolean): NextResponse {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const policy = contentSecurityPolicy(nonce, {
    development: process.env.NODE_ENV === "development",
    embeddable: request.nextUrl.pathname.startsWith("/pay/"),
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  // Which language source applies (i18n/preferences.ts): the account's in signed-in areas, the visitor's elsewhere.
  requestHeaders.set(AREA_HEADER, inSignedInArea ? "signed-in" : "public");
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

// Everything but Next.js's own static files: server actions post to any page's URL.
export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg).*)"] };
