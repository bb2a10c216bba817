import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { unroutedApiResponse } from "@/lib/api/routes";
import { authSecret, secureSessionCookies, sessionCookieName } from "@/lib/auth/secret";

/**
 * /api/v1: answers paths and methods no route takes with the API's error envelope (Next.js would answer
 * an HTML 404 or an empty 405). Dashboard: sends signed-out visitors to the log-in page before anything
 * renders; a convenience, not the security boundary: every page and server action checks the session itself.
 */
export async function proxy(request: NextRequest) {
  if (request.nextUrl.pathname.startsWith("/api/v1"))
    return unroutedApiResponse(request.method, request.nextUrl.pathname) ?? NextResponse.next();
  const token = await getToken({
    req: request,
    secret: authSecret(),
    secureCookie: secureSessionCookies(),
    cookieName: sessionCookieName(),
  });
  if (token?.sub) return NextResponse.next();
  const login = new URL("/login", request.url);
  login.searchParams.set("callbackUrl", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(login);
}

export const config = { matcher: ["/api/v1", "/api/v1/:path*", "/dashboard/:path*", "/onboarding"] };
