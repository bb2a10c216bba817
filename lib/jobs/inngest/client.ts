import { Inngest } from "inngest";

/** Mode and keys come from the environment: INNGEST_DEV for the Dev Server, else INNGEST_EVENT_KEY / INNGEST_SIGNING_KEY. */
export const inngest = new Inngest({ id: "khqr-pay" });

/** Sent when payments were marked paid, so their webhooks go out now instead of at the next sweep. */
export const WEBHOOKS_DUE_EVENT = "khqr/webhooks.due";
