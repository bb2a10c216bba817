import { PaymentNotice } from "@/components/pay/payment-card";

export default function PaymentLinkNotFound() {
  return (
    <PaymentNotice title="Payment link not found">
      <p>This payment link is not valid. Please ask the merchant for a new one.</p>
    </PaymentNotice>
  );
}
