/**
 * `npm run bakong:fake`: a local stand-in for the Bakong Open API, for development and e2e runs.
 * Drive it over HTTP: POST /_fake/paid {md5, toAccountId, amount, currency}, POST /_fake/payment {toAccountId,
 * amount, currency} (a payment known only by its hash, as to a static QR), POST /_fake/fail-next {path, status},
 * GET /_fake/requests, POST /_fake/reset.
 */
import { startFakeBakong } from "../tests/fakes/fake-bakong-server";

const port = Number(process.env.PORT ?? 4010);
const token = process.env.FAKE_BAKONG_TOKEN ?? "fake-token";

const fake = await startFakeBakong({ port, token });
console.log(`Fake Bakong listening on ${fake.url}`);
console.log(`Point the app at it with: BAKONG_API_URL=${fake.url} BAKONG_TOKEN=${token}`);
console.log(`Mark a QR paid: curl -X POST ${fake.url}/_fake/paid -H 'content-type: application/json' \\`);
console.log(`  -d '{"md5":"<md5>","toAccountId":"name@bank","amount":1.5,"currency":"USD"}'`);
console.log(`Pay a static QR (answers the receipt's hash): curl -X POST ${fake.url}/_fake/payment -H 'content-type: application/json' \\`);
console.log(`  -d '{"toAccountId":"name@bank","amount":1.5,"currency":"USD"}'`);

const stop = () => {
  fake.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
