import type { KhqrCurrency } from "@/lib/khqr";

/** The body of every Bakong Open API response. */
export type BakongEnvelope = {
  responseCode: number;
  responseMessage: string;
  errorCode: number | null;
  data: unknown;
};

/**
 * A paid transfer as Bakong describes it. Only `hash` is guaranteed; dates are whole epoch milliseconds
 * (Bakong may send them as floats), `amount` is in major units exactly as Bakong sends it.
 */
export type BakongTransaction = {
  hash: string;
  fromAccountId?: string;
  toAccountId?: string;
  currency?: string;
  amount?: number;
  description?: string;
  createdDateMs?: number;
  acknowledgedDateMs?: number;
  externalRef?: string;
  instructionRef?: string;
  trackingStatus?: string;
  receiverBank?: string;
  receiverBankAccount?: string;
};

/** `raw` is the envelope (or md5-list item) exactly as received, suitable for storing as bakong_response. */
export type BakongCheckResult =
  | { status: "found"; transaction: BakongTransaction; raw: unknown }
  | { status: "not_found"; raw: unknown }
  | { status: "failed"; raw: unknown };

/** One md5-list call's answer. */
export type Md5ListAnswer = {
  results: Map<string, BakongCheckResult>;
  /** Asked md5s the answer did not settle (missing, SERVICE_FAILED): ask them singly. */
  unsettled: string[];
};

/** Who asks for a deep link: Bakong shows the app and returns to the callback after payment. */
export type DeepLinkSource = { appName: string; appIconUrl: string; appDeepLinkCallback: string };

export interface BakongClient {
  readonly kind: "live" | "sandbox";
  checkTransactionByMd5(md5: string): Promise<BakongCheckResult>;
  /** One list call for at most 50 md5s (`list_refused` when the endpoint will not serve list calls). */
  checkMd5List(md5s: string[]): Promise<Md5ListAnswer>;
  /** A payment by its full 64-hex transaction hash; works for payments to static QRs too. */
  checkTransactionByHash(hash: string): Promise<BakongCheckResult>;
  /** A payment by the 8-character short hash bank-app receipts print, with its amount (major units) and currency. */
  checkTransactionByShortHash(shortHash: string, amount: number, currency: KhqrCurrency): Promise<BakongCheckResult>;
  /** A link that opens the QR's payment in a Bakong bank app; null when Bakong offers none. */
  deepLinkForQr(qr: string, source: DeepLinkSource): Promise<string | null>;
  /** When the Bakong token in use expires (its JWT `exp`); null for the sandbox or a token without one. */
  tokenExpiresAt(): Date | null;
}

export type BakongLog = (event: string, fields: Record<string, unknown>) => void;

export type LiveBakongOptions = {
  baseUrl: string;
  token?: string;
  email?: string;
  /** Per HTTP request; defaults to 15000. */
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
  log?: BakongLog;
};

export type SandboxPayment = {
  /** Null for a payment to a static QR: the payer's app built its own string. */
  md5: string | null;
  hash: string;
  fromAccountId: string;
  toAccountId: string;
  amount: number;
  currency: KhqrCurrency;
  createdDateMs: number;
  acknowledgedDateMs: number;
};

export interface SandboxLedger {
  findPayments(md5s: string[]): Promise<Map<string, SandboxPayment>>;
  findPaymentByHash(hash: string): Promise<SandboxPayment | undefined>;
  findPaymentByShortHash(shortHash: string, amount: number, currency: KhqrCurrency): Promise<SandboxPayment | undefined>;
}
