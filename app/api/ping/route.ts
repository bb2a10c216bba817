// The baseline for `npm run bench:api`: the cheapest route handler this app can serve.
export function GET(): Response {
  return Response.json({ ok: true });
}
