import { describe, expect, it } from "vitest";
import { emailPaymentAlert, payerBankOf, telegramPaymentAlert, type PaymentFacts } from "@/lib/notifications";

const facts: PaymentFacts = {
  kind: "paid",
  amount: "20000.00",
  currency: "KHR",
  mode: "live",
  billNumber: "INV-1",
  orderId: "order <1> & co",
  linkTitle: null,
  payerBank: payerBankOf("sokha_c@abaa"),
  paidAt: new Date("2026-12-02T09:04:00Z"),
  dashboardUrl: "https://pay.example.com/dashboard/transactions/abc",
};

describe("alert texts", () => {
  it("write money as the dashboard does in the chat's language: riel whole, dollars with two decimals", () => {
    expect(telegramPaymentAlert("km", facts)).toContain("20,000៛");
    expect(telegramPaymentAlert("en", facts)).toContain("៛20,000");
    expect(telegramPaymentAlert("en", { ...facts, amount: "5.00", currency: "USD" })).toContain("Payment received: $5.00");
  });

  it("tell the time in Cambodia (UTC+7), the payer's bank, and escape text for Telegram's HTML", () => {
    const text = telegramPaymentAlert("en", facts);
    expect(text).toContain("<b>✅ Payment received: ៛20,000</b>");
    expect(text).toContain("Time: 2 Dec 2026, 16:04:00 ICT");
    expect(text).toContain("Payer's bank: ABAA");
    expect(text).toContain("Order ID: order &lt;1&gt; &amp; co");
    expect(text).not.toContain("Test mode");
  });

  it("are written in Khmer for a Khmer chat, and as an email with the same facts", () => {
    expect(telegramPaymentAlert("km", facts)).toContain("ម៉ោង៖ 2 ធ្នូ 2026, 16:04:00 (ម៉ោងកម្ពុជា)");
    const email = emailPaymentAlert("km", facts);
    expect(email.subject).toBe("បានទទួលការទូទាត់៖ 20,000៛");
    expect(email.text).toContain("https://pay.example.com/dashboard/transactions/abc");
    expect(email.html).toContain("order &lt;1&gt; &amp; co");
  });

  it("say a receipt was verified when that is what happened", () => {
    expect(telegramPaymentAlert("en", { ...facts, kind: "verified" })).toContain("Receipt verified: ៛20,000 reached your account");
    expect(emailPaymentAlert("km", { ...facts, kind: "verified" }).subject).toBe("បានផ្ទៀងផ្ទាត់បង្កាន់ដៃ៖ 20,000៛");
  });

  it("name no bank when Bakong named no payer account", () => {
    expect(payerBankOf(undefined)).toBeNull();
    expect(payerBankOf("no-at-sign")).toBeNull();
  });
});
