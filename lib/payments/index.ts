export { createQr } from "./create-qr";
export { checkTransaction } from "./check-transaction";
export { transactionByOrder } from "./find-transaction";
export { simulatePayment } from "./sandbox";
export { settleWithBakongResult, onTransactionPaid } from "./settle";
export { pollDueTransactions } from "./poll-due-transactions";
export { bakongDeepLink } from "./deep-link";
export * from "./schemas";
export { isPublicId } from "./public-id";
