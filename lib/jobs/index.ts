export { JOBS, type JobDefinition } from "./definitions";
export { startTicker } from "./ticker";
export { startInProcessScheduler, SCHEDULER_INTERVAL_MS } from "./in-process-scheduler";
export { startBackgroundJobs, type BackgroundJobs } from "./start-background-jobs";
