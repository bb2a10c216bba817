export { JOBS } from "./definitions";
export { startTicker } from "./ticker";
export { startInProcessScheduler } from "./in-process-scheduler";
export { startBackgroundJobs, type BackgroundJobs } from "./start-background-jobs";
