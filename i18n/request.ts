import { getRequestConfig } from "next-intl/server";
import { CAMBODIA_TIME_ZONE } from "@/lib/i18n";
import { requestPreferences } from "./preferences";
import { catalogue } from "./catalogue";

export default getRequestConfig(async () => {
  const { locale } = await requestPreferences();
  return { locale, messages: catalogue(locale), timeZone: CAMBODIA_TIME_ZONE };
});
