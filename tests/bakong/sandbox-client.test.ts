import { describe, expect, it } from "vitest";
import { createSandboxBakongClient, type SandboxLedger, type SandboxPayment } from "@/lib/bakong";
import { md5Of } from "./helpers";

function inMemoryLedger(payments: SandboxPayment[]): SandboxLedger & { lookups: string[][] } {
  const lookups: string[][] = [];
  return {
    lookups,
    async findPayments(md5s) {
      lookups.push(md5s);
      return new Map(
        payments.flatMap((payment) => (payment.md5 !== null && md5s.includes(payment.md5) ? [[payment.md5, payment] as const] : [])),
      );
    },
    async findPaymentByHash(hash) {
      return payments.find((payment) => payment.hash === hash);
    },
    async findPaymentByShortHash(shortHash, amount, currency) {
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

    expect(ledger.lookups).toEqual([[payment.md5, unpaid]]);
    expect(results.get(payment.md5)?.status).toBe("found");
    expect(results.get(unpaid)?.status).toBe("not_found");
    expect(results.size).toBe(2);
  });
});
