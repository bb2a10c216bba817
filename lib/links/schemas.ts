import { z } from "zod";
import { CURRENCIES, MODES } from "@/lib/config/enums";
import { PAYMENT_LINK_LIMITS } from "@/lib/config/limits";
import { KHQR_LIMITS } from "@/lib/khqr";
import { storableString } from "@/lib/std";

const positiveAmount = (name: string) =>
  z
    .union(
      [
        z.number().refine(Number.isFinite, `${name} must be a finite number`),
        z
          .string()
          .trim()
          .regex(/^\d+(\.\d+)?$/, `${name} must be a number such as 5 or 5.25`),
      ],
      `${name} must be a number such as 5 or 5.25`,
    )
    .refine((value) => Number(value) > 0, `${name} must be positive`);

const text = (name: string, max: number) =>
  storableString(name)
    .trim()
    .min(1, `${name} must not be empty (leave it out instead)`)
    .max(max, `${name} must be at most ${max} characters`);

const successUrl = storableString("success_url")
  .max(PAYMENT_LINK_LIMITS.successUrl, `success_url must be at most ${PAYMENT_LINK_LIMITS.successUrl} characters`)
  .refine((value) => /^https?:\/\//i.test(value) && URL.canParse(value), "success_url must be an absolute http or https URL")
  .describe(
    "Where the customer is sent after paying, with signed query parameters (link, md5, order_id, t, sig). Without it: a receipt page.",
  );

/** Fixed-amount links carry `amount`; customer-chosen ones may bound it with `min_amount`/`max_amount`. */
export const createPaymentLinkRequest = z
  .strictObject({
    title: text("title", PAYMENT_LINK_LIMITS.title).describe("What is being paid for, shown to the customer."),
    description: text("description", PAYMENT_LINK_LIMITS.description).optional(),
    currency: z.enum(CURRENCIES, "currency must be USD or KHR"),
    amount: positiveAmount("amount").optional().describe("A fixed amount in major units. Leave it out to let the customer choose."),
    min_amount: positiveAmount("min_amount").optional().describe("Customer-chosen links only: the smallest amount accepted."),
    max_amount: positiveAmount("max_amount").optional().describe("Customer-chosen links only: the largest amount accepted."),
    bill_number_prefix: text("bill_number_prefix", KHQR_LIMITS.billNumber - 7)
      .regex(/^[A-Za-z0-9_-]+$/, "bill_number_prefix may contain only letters, digits, - and _")
      .optional()
      .describe("Each payment's bill number is this prefix and six characters of its own."),
    reusable: z.boolean().default(true).describe("false: the link closes after its first payment."),
    expires_at: z.iso
      .datetime({ offset: true, message: "expires_at must be an ISO 8601 date-time such as 2026-12-31T23:59:00+07:00" })
      .optional()
      .describe("When the link stops taking payments."),
    success_url: successUrl.optional(),
  })
  .superRefine((request, context) => {
    if (request.amount !== undefined) {
      for (const name of ["min_amount", "max_amount"] as const) {
        if (request[name] !== undefined)
          context.addIssue({ code: "custom", path: [name], message: `${name} applies only when amount is left out (customer-chosen)` });
      }
    }
    if (request.min_amount !== undefined && request.max_amount !== undefined && Number(request.min_amount) > Number(request.max_amount)) {
      context.addIssue({ code: "custom", path: ["max_amount"], message: "max_amount must not be less than min_amount" });
    }
  });
export type CreatePaymentLinkRequest = z.output<typeof createPaymentLinkRequest>;

export const updatePaymentLinkRequest = z.strictObject({
  active: z.literal(false, "active can only be set to false (deactivate); create a new link instead of reopening one"),
});

const isoOrNull = z.string().nullable().describe("ISO 8601 UTC timestamp, or null");

export const paymentLinkResponse = z.object({
  id: z.string(),
  url: z.string().describe("The public page to send customers to (absolute URL)."),
  mode: z.enum(MODES),
  title: z.string(),
  description: z.string().nullable(),
  currency: z.enum(CURRENCIES),
  amount: z.number().nullable().describe("The fixed amount; null when the customer chooses."),
  min_amount: z.number().nullable(),
  max_amount: z.number().nullable(),
  bill_number_prefix: z.string().nullable(),
  reusable: z.boolean(),
  expires_at: isoOrNull,
  success_url: z.string().nullable(),
  status: z.enum(["active", "deactivated", "used", "expired"]).describe("Only an active link takes payments."),
  payments: z.object({ count: z.number().int(), total: z.number().describe("Sum of paid amounts, in major units.") }),
  created_at: z.string(),
});

export const paymentLinkListResponse = z.object({ data: z.array(paymentLinkResponse) });

/** The amount a customer types on a customer-chosen link's page. */
export const customerAmountInput = z.strictObject({
  amount: z
    .string()
    .trim()
    .regex(/^\d+(\.\d{1,2})?$/, "Enter an amount such as 5 or 5.25")
    .optional(),
});
