type HeaderSource = Headers | ((name: string) => string | null | undefined);

/** The client's address as the reverse proxy in front of the app reports it; every per-address limit uses this. */
export function clientAddress(headers: HeaderSource): string {
  const header = typeof headers === "function" ? headers : (name: string) => headers.get(name);
  return header("x-forwarded-for")?.split(",")[0]?.trim() || header("x-real-ip")?.trim() || "unknown";
}
