import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { authSecret, secureSessionCookies, sessionCookieName } from "@/lib/auth/secret";

/**
 * Sends signed-out visitors of the dashboard to the log-in page before anything renders. This is a
 * convenience, not the security boundary: every page and server action checks the session itself.
 */
export async function proxy(request: NextRequest) {
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

export const config = { matcher: ["/dashboard/:path*", "/onboarding"] };
