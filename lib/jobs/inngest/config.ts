/** Inngest drives the jobs when it can receive events: an event key (Inngest Cloud) or the local Dev Server. */
export type InngestEnv = Record<string, string | undefined>;

export function isInngestConfigured(env: InngestEnv = process.env): boolean {
  const dev = env.INNGEST_DEV?.trim();
  return Boolean(env.INNGEST_EVENT_KEY?.trim()) || (dev !== undefined && dev !== "" && dev !== "0" && dev !== "false");
}
