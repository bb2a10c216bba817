import type { Currency } from "@/lib/config/enums";
import { toMinorUnits } from "@/lib/payments";

/** One column of a CSV export: its header and how a row shows in it. */
export type CsvColumn<Row> = { header: string; value: (row: Row) => string | null };

/** Either rule below applies: nearly every field (ids, times, amounts) passes this one test untouched. */
const NEEDS_CARE = /^[=+\-@\t\r]|[",\r\n]/;

/**
 * Excel opens a CSV as UTF-8 only when it starts with a byte order mark; without one a Khmer bill number or
 * shop name garbles. Every export's first line starts with it.
 */
const CSV_BOM = "\uFEFF";

/** An amount as a spreadsheet should show it: riel whole ("59"), dollars with their cents ("5.00"); a static QR has none. */
export function csvAmount(amount: string | null, currency: Currency): string | null {
  if (amount === null) return null;
  return currency === "KHR" ? String(toMinorUnits(amount, currency)) : Number(amount).toFixed(2);
}

/** The same amount in integer minor units (cents, whole riel): exact for sums and for matching other systems. */
export function csvAmountMinor(amount: string | null, currency: Currency): string | null {
  return amount === null ? null : String(toMinorUnits(amount, currency));
}

/**
 * One CSV field (RFC 4180 quoting). Text a spreadsheet would run as a formula (=, +, -, @, tab, CR at
 * the start) gets a leading apostrophe: order ids and bill numbers come from merchants' customers.
 */
export function csvField(value: string | null): string {
  if (value === null) return "";
  if (!NEEDS_CARE.test(value)) return value;
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvLine<Row>(columns: readonly CsvColumn<Row>[], row: Row): string {
  let line = csvField(columns[0]!.value(row));
  for (let index = 1; index < columns.length; index++) line += `,${csvField(columns[index]!.value(row))}`;
  return `${line}\r\n`;
}

/** The first line of an export: the byte order mark, then the column names. */
export function csvHeader(names: readonly string[]): string {
  return `${CSV_BOM}${names.join(",")}\r\n`;
}

/**
 * The header, then one string per page of rows: a stream chunk per page, not per row (each chunk crosses
 * web streams and async hooks, which per row cost more than the CSV itself). Pages are read one at a time,
 * so memory stays flat for any number of rows.
 */
export async function* csvChunks<Row>(columns: readonly CsvColumn<Row>[], pages: AsyncIterable<readonly Row[]>): AsyncGenerator<string> {
  yield csvHeader(columns.map((column) => column.header));
  for await (const rows of pages) {
    let chunk = "";
    for (const row of rows) chunk += csvLine(columns, row);
    if (chunk !== "") yield chunk;
  }
}

/**
 * A CSV download streamed from `chunks`: the next page is read only when the client has taken the last one,
 * and a client that disconnects ends the export (the generator is returned, so no further page is read).
 */
export function csvDownload(filename: string, chunks: AsyncGenerator<string>): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
}
