import type { Mode } from "./enums";

/**
 * The one place plans live: the daily quotas enforced by lib/ratelimit, and the text the pricing page
 * and dashboard show. A quota counts new QR codes created per calendar day in Cambodia (UTC+7).
 */
export type PlanDetails = {
  name: string;
  price: string;
  description: string;
  /** New QR codes per day. Test mode has its own, larger allowance so integrations can be exercised freely. */
  dailyQrQuota: Record<Mode, number>;
};

export const PLANS = {
  free: {
    name: "Free",
    price: "$0",
    description: "For trying KHQR Pay and small shops: 100 live QR codes a day.",
    dailyQrQuota: { live: 100, test: 1_000 },
  },
  starter: {
    name: "Starter",
    price: "$19 / month",
    description: "For growing businesses: 2,000 live QR codes a day.",
    dailyQrQuota: { live: 2_000, test: 20_000 },
  },
  business: {
    name: "Business",
    price: "$99 / month",
    description: "For high-volume merchants and platforms: 50,000 live QR codes a day.",
    dailyQrQuota: { live: 50_000, test: 500_000 },
  },
} as const satisfies Record<string, PlanDetails>;

export type Plan = keyof typeof PLANS;

export const PLAN_NAMES = Object.keys(PLANS) as Plan[];

/** New accounts start here (the users.plan column defaults to it too). */
export const DEFAULT_PLAN: Plan = "free";

export function isPlan(value: unknown): value is Plan {
  return typeof value === "string" && Object.hasOwn(PLANS, value);
}

/** An unknown plan name (a stray value in the database) gets the default allowance, never an unlimited one. */
export function planDetails(plan: string): PlanDetails {
  return PLANS[isPlan(plan) ? plan : DEFAULT_PLAN];
}

export function planQuota(plan: string, mode: Mode): number {
  return planDetails(plan).dailyQrQuota[mode];
}
