import { PaymentNotice } from "@/components/pay/payment-card";

export function LinkClosedNotice() {
  return (
    <PaymentNotice title="This payment link is no longer available">
      <p>It was closed by the merchant or has expired. Please ask the merchant for a new link.</p>
    </PaymentNotice>
  );
}
