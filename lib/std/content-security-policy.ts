/**
 * The Content-Security-Policy of every page. Scripts run only with this response's nonce (Next.js puts it
 * on its own inline bootstrap scripts when it finds this header on the request) or when loaded by one that
 * has it ('strict-dynamic'). Styles may be inline (React style attributes). Pages may not be framed, except
 * the payment page, which merchants may embed in their checkout.
 */
export function contentSecurityPolicy(nonce: string, { development, embeddable }: { development: boolean; embeddable: boolean }): string {
  return [
    "default-src 'self'",
    // React's development build evaluates code for its debugging aids.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${development ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${embeddable ? "*" : "'none'"}`,
  ].join("; ");
}
