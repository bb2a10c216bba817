import { describe, expect, it } from "vitest";
import { createSandboxBakongClient, type SandboxLedger, type SandboxPayment } from "@/lib/bakong";
import { md5Of } from "./helpers";

function inMemoryLedger(payments: SandboxPayment[]): SandboxLedger & { lookups: unknown[][] } {
  const lookups: unknown[][] = [];
  return {
    lookups,
    async findPayments(md5s) {
      lookups.push(["md5s", md5s]);
      return new Map(
        payments.flatMap((payment) => (payment.md5 !== null && md5s.includes(payment.md5) ? [[payment.md5, payment] as const] : [])),
      );
    },
    async findPaymentByHash(hash) {
      lookups.push(["hash", hash]);
      return payments.find((payment) => payment.hash === hash);
    },
    async findPaymentByShortHash(shortHash, amount, currency) {
      lookups.push(["short hash", shortHash, amount, currency]);
      return payments.find((payment) => payment.hash.startsWith(shortHash) && payment.amount === amount && payment.currency === currency);
    },
  };
}

const payment: SandboxPayment & { md5: string } = {
  md5: md5Of("paid"),
  hash: "a".repeat(64),
  fromAccountId: "sandbox-payer@bank",
  toAccountId: "shop@aclb",
  amount: 4.5,
  currency: "USD",
  createdDateMs: 1_700_000_000_000,
  acknowledgedDateMs: 1_700_000_001_000,
};

describe("sandbox client", () => {
  it("answers a paid md5 with an envelope of Bakong's real shape", async () => {
    const client = createSandboxBakongClient(inMemoryLedger([payment]));

    const result = await client.checkTransactionByMd5(payment.md5);

    expect(client.kind).toBe("sandbox");
    expect(result).toEqual({
      status: "found",
      transaction: {
        hash: payment.hash,
        fromAccountId: "sandbox-payer@bank",
        toAccountId: "shop@aclb",
        currency: "USD",
        amount: 4.5,
        createdDateMs: 1_700_000_000_000,
        acknowledgedDateMs: 1_700_000_001_000,
      },
      raw: {
        responseCode: 0,
        responseMessage: "Getting transaction successfully.",
        errorCode: null,
        data: {
          hash: payment.hash,
          fromAccountId: "sandbox-payer@bank",
          toAccountId: "shop@aclb",
          currency: "USD",
          amount: 4.5,
          description: null,
          createdDateMs: 1_700_000_000_000,
          acknowledgedDateMs: 1_700_000_001_000,
          externalRef: null,
          instructionRef: null,
          trackingStatus: null,
          receiverBank: null,
          receiverBankAccount: null,
        },
      },
    });
  });

  it("answers an unpaid md5 with Bakong's not-found envelope", async () => {
    const result = await createSandboxBakongClient(inMemoryLedger([payment])).checkTransactionByMd5(md5Of("unpaid"));
    expect(result).toEqual({
      status: "not_found",
      raw: {
        responseCode: 1,
        responseMessage: "Transaction could not be found. Please check and try again.",
        errorCode: 1,
        data: null,
      },
    });
  });

  it("answers a list with one ledger lookup and an entry per distinct md5", async () => {
    const ledger = inMemoryLedger([payment]);
    const unpaid = md5Of("unpaid");

    const { results } = await createSandboxBakongClient(ledger).checkMd5List([payment.md5, unpaid, unpaid]);

    expect(ledger.lookups).toEqual([["md5s", [payment.md5, unpaid]]]);
    expect(results.get(payment.md5)?.status).toBe("found");
    expect(results.get(unpaid)?.status).toBe("not_found");
    expect(results.size).toBe(2);
  });

  it("settles every md5 of a list, leaving none for single checks", async () => {
    const unpaid = md5Of("unpaid");
    const answer = await createSandboxBakongClient(inMemoryLedger([payment])).checkMd5List([unpaid, payment.md5]);
    expect(answer).toEqual({
      results: new Map([
        [unpaid, { status: "not_found", raw: NOT_FOUND_ENVELOPE }],
        [payment.md5, { status: "found", transaction: expect.objectContaining({ hash: payment.hash }), raw: expect.anything() }],
      ]),
      unsettled: [],
    });
  });

  it("answers an empty list without asking the ledger", async () => {
    const ledger = inMemoryLedger([payment]);
    expect(await createSandboxBakongClient(ledger).checkMd5List([])).toEqual({ results: new Map(), unsettled: [] });
    expect(ledger.lookups).toEqual([]);
  });

  it("finds a payment to a static QR (no md5) by its full hash, and by its short hash with amount and currency", async () => {
    const toStaticQr: SandboxPayment = { ...payment, md5: null, hash: "b".repeat(64), amount: 7.5 };
    const ledger = inMemoryLedger([payment, toStaticQr]);
    const client = createSandboxBakongClient(ledger);

    const byHash = await client.checkTransactionByHash(toStaticQr.hash);
    const byShortHash = await client.checkTransactionByShortHash("bbbbbbbb", 7.5, "USD");

    expect(byHash).toMatchObject({ status: "found", transaction: { hash: toStaticQr.hash, amount: 7.5, toAccountId: "shop@aclb" } });
    expect(byShortHash).toEqual(byHash);
    expect(ledger.lookups).toEqual([
      ["hash", toStaticQr.hash],
      ["short hash", "bbbbbbbb", 7.5, "USD"],
    ]);
  });

  it("answers an unknown hash or a short hash with another amount as not found", async () => {
    const client = createSandboxBakongClient(inMemoryLedger([payment]));
    expect(await client.checkTransactionByHash("c".repeat(64))).toEqual({ status: "not_found", raw: NOT_FOUND_ENVELOPE });
    expect(await client.checkTransactionByShortHash("aaaaaaaa", 4, "USD")).toEqual({ status: "not_found", raw: NOT_FOUND_ENVELOPE });
  });

  it("offers no bank-app link and has no token to expire", async () => {
    const client = createSandboxBakongClient(inMemoryLedger([payment]));
    await expect(client.deepLinkForQr("000201", { appName: "a", appIconUrl: "b", appDeepLinkCallback: "c" })).resolves.toBeNull();
    expect(client.tokenExpiresAt()).toBeNull();
  });
});

const NOT_FOUND_ENVELOPE = {
  responseCode: 1,
  responseMessage: "Transaction could not be found. Please check and try again.",
  errorCode: 1,
  data: null,
};
