import type { Currency } from "@/lib/config/enums";
// Merchants and their customers are in Cambodia: times are shown in Cambodian time whatever the server's zone.
const TIME_ZONE = "Asia/Phnom_Penh";

const dateTime = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIME_ZONE,
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hour12: false,
});
const shortDateTime = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIME_ZONE,
  day: "numeric",
  month: "short",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});

export function formatDateTime(value: Date | string | null): string {
  return value ? `${dateTime.format(new Date(value))} ICT` : "—";
}

export function formatShortDateTime(value: Date | string | null): string {
  return value ? shortDateTime.format(new Date(value)) : "—";
}

/** "$5.00", "៛10,000"; a static QR has no amount. */
export function formatMoney(amount: string | number | null, currency: Currency): string {
  if (amount === null) return "Any amount";
  const value = Number(amount);
  return currency === "USD"
    ? `$${value.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`
    : `៛${value.toLocaleString("en-US", { maximumFractionDigits: 0 })}`;
}

export function formatCount(value: number): string {
  return value.toLocaleString("en-US");
}
