import { z } from "zod";
import { isCalendarDate, storableString } from "@/lib/std";
import { CURRENCIES, MODES, TRANSACTION_STATUSES, type Currency, type Mode, type TransactionStatus } from "@/lib/config/enums";

const isoDate = z.string().refine(isCalendarDate);

// Unknown or malformed query parameters are dropped rather than failing the page: a URL is user input.
export const transactionFiltersSchema = z.object({
  mode: z.enum(MODES).optional().catch(undefined),
  status: z.enum(TRANSACTION_STATUSES).optional().catch(undefined),
  currency: z.enum(CURRENCIES).optional().catch(undefined),
  from: isoDate.optional().catch(undefined),
  to: isoDate.optional().catch(undefined),
  q: storableString("Search")
    .trim()
    .max(64)
    .optional()
    .catch(undefined)
    .transform((value) => value || undefined),
});

export type TransactionFilters = {
  mode: Mode;
  status?: TransactionStatus;
  currency?: Currency;
  from?: string;
  to?: string;
  q?: string;
};

type SearchParams = Record<string, string | string[] | undefined>;

/** The first value of each query parameter, as Next.js hands `searchParams` to a page. */
export function firstValues(params: SearchParams | URLSearchParams): Record<string, string> {
  const entries = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params);
  const result: Record<string, string> = {};
  for (const [name, value] of entries) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined && !(name in result)) result[name] = first;
  }
  return result;
}

export function parseTransactionFilters(params: SearchParams | URLSearchParams, fallbackMode: Mode): TransactionFilters {
  const { mode, status, currency, from, to, q } = transactionFiltersSchema.parse(firstValues(params));
  return { mode: mode ?? fallbackMode, status, currency, from, to, q };
}

/** The query string that reproduces these filters (for links, pagination and the CSV export). */
export function filtersToSearch(filters: TransactionFilters, extra: Record<string, string> = {}): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries({ ...filters, ...extra })) {
    if (value) search.set(name, value);
  }
  return search.toString();
}
