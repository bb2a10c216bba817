import { useTranslations } from "next-intl";
import { PaymentNotice } from "@/components/pay/payment-card";

export function LinkClosedNotice() {
  const t = useTranslations("linkPage");
  return (
    <PaymentNotice title={t("closedTitle")}>
      <p>{t("closedText")}</p>
    </PaymentNotice>
  );
}
