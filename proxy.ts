import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { unroutedApiResponse } from "@/lib/api/routes";
import { authSecret, secureSessionCookies, sessionCookieName } from "@/lib/auth/secret";
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
  if (inSignedInArea && !(await isSignedIn(request))) {
    const login = new URL("/login", request.url);
    login.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(login);
  }
  return withContentSecurityPolicy(request, inSignedInArea);
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
