import pg from "pg";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { listTransactions, pageQuery } from "@/lib/dashboard/transactions";
import { createTestMerchant } from "../helpers/merchant";

const onPostgres = Boolean(process.env.DATABASE_URL);
const ROWS = 100_000;

if (!onPostgres) console.log("keyset-100k: skipped — seeding 100,000 rows and reading plans needs PostgreSQL (set DATABASE_URL).");

type PlanNode = { "Node Type": string; "Index Name"?: string; Plans?: PlanNode[] };

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

describe.skipIf(!onPostgres)("transactions list at 100,000 rows (PostgreSQL)", () => {
  it("reads any page, filter and search through an index, without sorting what an index orders", async () => {
    const merchant = await createTestMerchant();
    const neighbour = await createTestMerchant();
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      // One statement per merchant: 100k rows for ours across both modes and statuses, 20k for a neighbour.
      const seed = `
        insert into transactions (id, user_id, mode, md5, qr, is_static, amount, currency, to_account_id, request_fingerprint, status, order_id, created_at, paid_at)
        select gen_random_uuid(), $1::uuid, case when i % 10 = 0 then 'live' else 'test' end, md5(i::text || $1), 'qr', false, '1.00', 'USD',
               'a@b', 'seed', (array['pending','paid','expired'])[1 + i % 3], 'ORDER-' || i, now() - make_interval(secs => i),
               case when i % 3 = 1 then now() - make_interval(secs => i) end
        from generate_series(1, $2::int) as i`;
      await client.query(seed, [merchant.userId, ROWS]);
      await client.query(seed, [neighbour.userId, 20_000]);
      await client.query("analyze transactions");

      const db = await getDb();
      const first = await listTransactions(merchant.userId, { mode: "test" });
      expect(first.rows).toHaveLength(25);
      const deep = await listTransactions(merchant.userId, { mode: "test" }, { after: first.olderCursor! });
      expect(deep.rows[0]!.createdAt.getTime()).toBeLessThan(first.rows.at(-1)!.createdAt.getTime());

      // Each filter reads its own index: no sequential scan, and only a search (a few matches) sorts.
      for (const [label, filters, position, index] of [
        ["first page", { mode: "test" as const }, {}, "transactions_user_created_idx"],
        ["a later page", { mode: "test" as const }, { after: first.olderCursor! }, "transactions_user_created_idx"],
        [
          "filtered by status",
          { mode: "test" as const, status: "paid" as const },
          { after: first.olderCursor! },
          "transactions_user_status_idx",
        ],
        ["a status no row has", { mode: "test" as const, status: "static" as const }, {}, "transactions_user_status_idx"],
        ["a search no row matches", { mode: "test" as const, q: "NO-SUCH-ORDER" }, {}, "transactions_order_key"],
        ["a search by order id", { mode: "test" as const, q: "ORDER-4242" }, {}, "transactions_order_key"],
      ] as const) {
        const { query } = pageQuery(db, merchant.userId, filters, position, 26);
        const { sql: text, params } = query.toSQL();
        const result = await client.query<{ "QUERY PLAN": [{ Plan: PlanNode }] }>(`explain (format json) ${text}`, params);
        const plan = nodes(result.rows[0]!["QUERY PLAN"][0].Plan);
        const shape = `${label}: ${JSON.stringify(plan.map((node) => [node["Node Type"], node["Index Name"]]))}`;
        expect(
          plan.some((node) => node["Index Name"] === index),
          shape,
        ).toBe(true);
        expect(
          plan.some((node) => node["Node Type"] === "Seq Scan"),
          shape,
        ).toBe(false);
        if (!("q" in filters))
          expect(
            plan.some((node) => node["Node Type"] === "Sort"),
            `${label} must not sort`,
          ).toBe(false);
      }

      // The overview's paid today: a range of the partial paid index.
      const paidToday = await client.query<{ "QUERY PLAN": [{ Plan: PlanNode }] }>(
        `explain (format json) select currency, count(*), sum(amount) from transactions
         where user_id = $1 and mode = 'test' and status = 'paid' and paid_at >= now() - interval '1 day' group by currency`,
        [merchant.userId],
      );
      expect(nodes(paidToday.rows[0]!["QUERY PLAN"][0].Plan).some((node) => node["Index Name"] === "transactions_paid_idx")).toBe(true);
    } finally {
      await client.end();
    }
  }, 120_000);
});
