import { Inngest } from "inngest";

/** Mode and keys come from the environment: INNGEST_DEV for the Dev Server, else INNGEST_EVENT_KEY / INNGEST_SIGNING_KEY. */
export const inngest = new Inngest({ id: "khqr-pay" });

/** Sent when a payment was marked paid, so the jobs that act on it run now instead of at their next pass. */
export const PAYMENT_PAID_EVENT = "khqr/payment.paid";
