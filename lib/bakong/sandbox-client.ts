import { BAKONG_ERROR_CODE, resultFromCheckEnvelope, type ReceivedEnvelope } from "./answers";
import type { BakongCheckResult, BakongClient, BakongEnvelope, Md5ListAnswer, SandboxLedger, SandboxPayment } from "./types";

const SANDBOX_URL = "sandbox:/v1/check_transaction_by_md5";

/**
 * Answers from the sandbox ledger with envelopes of Bakong's real shape, read back through the same code as
 * live answers, so sandbox integrations see exactly what production would give them.
 */
export function createSandboxBakongClient(ledger: SandboxLedger): BakongClient {
  const checkMany = async (md5s: string[]): Promise<Md5ListAnswer> => {
    const unique = [...new Set(md5s)];
    const payments = unique.length === 0 ? new Map<string, SandboxPayment>() : await ledger.findPayments(unique);
    return { results: new Map(unique.map((md5) => [md5, resultFor(payments.get(md5))])), unsettled: [] };
  };

  return {
    kind: "sandbox",
    async checkTransactionByMd5(md5) {
      const payments = await ledger.findPayments([md5]);
      return resultFor(payments.get(md5));
    },
    checkMd5List: checkMany,
    checkTransactionByHash: async (hash) => resultFor(await ledger.findPaymentByHash(hash)),
    checkTransactionByShortHash: async (shortHash, amount, currency) =>
      resultFor(await ledger.findPaymentByShortHash(shortHash, amount, currency)),
    // Sandbox payments are made with "Simulate payment", never in a bank app.
    deepLinkForQr: async () => null,
    tokenExpiresAt: () => null,
  };
}

function resultFor(payment: SandboxPayment | undefined): BakongCheckResult {
  const envelope = payment === undefined ? notFoundEnvelope() : paidEnvelope(payment);
  const received: ReceivedEnvelope = { envelope, raw: envelope };
  return resultFromCheckEnvelope(received, SANDBOX_URL, 200);
}

function paidEnvelope(payment: SandboxPayment): BakongEnvelope {
  return {
    responseCode: 0,
    responseMessage: "Getting transaction successfully.",
    errorCode: null,
    data: {
      hash: payment.hash,
      fromAccountId: payment.fromAccountId,
      toAccountId: payment.toAccountId,
      currency: payment.currency,
      amount: payment.amount,
      description: null,
      createdDateMs: payment.createdDateMs,
      acknowledgedDateMs: payment.acknowledgedDateMs,
      externalRef: null,
      instructionRef: null,
      trackingStatus: null,
      receiverBank: null,
      receiverBankAccount: null,
    },
  };
}

function notFoundEnvelope(): BakongEnvelope {
  return {
    responseCode: 1,
    responseMessage: "Transaction could not be found. Please check and try again.",
    errorCode: BAKONG_ERROR_CODE.transactionNotFound,
    data: null,
  };
}
