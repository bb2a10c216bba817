import { useTranslations } from "next-intl";
import { PaymentNotice } from "@/components/pay/payment-card";

export default function PaymentLinkNotFound() {
  const t = useTranslations();
  return (
    <PaymentNotice title={t("linkPage.notFoundTitle")}>
      <p>{t("pay.notFoundText")}</p>
    </PaymentNotice>
  );
}
