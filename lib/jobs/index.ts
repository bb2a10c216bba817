export { pollDueTransactions, BAKONG_LIST_BATCH, DEFAULT_POLL_LIMIT, type PollOptions, type PollSummary } from "./poll-due-transactions";
export { claimDueTransactions, POLL_LEASE_MS } from "./claim-due-transactions";
export { deferChecks, outageBackoffMs, OUTAGE_BACKOFF_MS, NOT_CONFIGURED_BACKOFF_MS, MAX_BACKOFF_MS } from "./defer-checks";
export { deliverDueWebhooks, DEFAULT_DELIVERY_LIMIT, type DeliverOptions, type DeliverSummary } from "./deliver-due-webhooks";
export { startTicker, type Ticker, type TickerOptions } from "./ticker";
export { startInProcessScheduler, SCHEDULER_INTERVAL_MS, type InProcessScheduler, type SchedulerJobs } from "./in-process-scheduler";
export { startBackgroundJobs, type BackgroundJobs, type BackgroundJobsOptions } from "./start-background-jobs";
