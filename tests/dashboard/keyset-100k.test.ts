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
  it("reads any page through the (user_id, mode, created_at, id) index without sorting", async () => {
    const merchant = await createTestMerchant();
    const neighbour = await createTestMerchant();
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      // One statement per merchant: 100k rows for ours across both modes and statuses, 20k for a neighbour.
      const seed = `
        insert into transactions (id, user_id, mode, md5, qr, is_static, amount, currency, to_account_id, request_fingerprint, status, order_id, created_at)
        select gen_random_uuid(), $1::uuid, case when i % 10 = 0 then 'live' else 'test' end, md5(i::text || $1), 'qr', false, '1.00', 'USD',
               'a@b', 'seed', (array['pending','paid','expired'])[1 + i % 3], 'ORDER-' || i, now() - make_interval(secs => i)
        from generate_series(1, $2::int) as i`;
      await client.query(seed, [merchant.userId, ROWS]);
      await client.query(seed, [neighbour.userId, 20_000]);
      await client.query("analyze transactions");

      const db = await getDb();
      const first = await listTransactions(merchant.userId, { mode: "test" });
      expect(first.rows).toHaveLength(25);
      const deep = await listTransactions(merchant.userId, { mode: "test" }, { after: first.olderCursor! });
      expect(deep.rows[0]!.createdAt.getTime()).toBeLessThan(first.rows.at(-1)!.createdAt.getTime());

      for (const [label, filters, position] of [
        ["first page", { mode: "test" as const }, {}],
        ["a later page", { mode: "test" as const }, { after: first.olderCursor! }],
        ["filtered by status", { mode: "test" as const, status: "paid" as const }, { after: first.olderCursor! }],
      ] as const) {
        const { query } = pageQuery(db, merchant.userId, filters, position, 26);
        const { sql: text, params } = query.toSQL();
        const result = await client.query<{ "QUERY PLAN": [{ Plan: PlanNode }] }>(`explain (format json) ${text}`, params);
        const plan = nodes(result.rows[0]!["QUERY PLAN"][0].Plan);
        expect(
          plan.some((node) => node["Index Name"] === "transactions_user_created_idx"),
          `${label}: ${JSON.stringify(plan.map((node) => node["Node Type"]))}`,
        ).toBe(true);
        expect(
          plan.some((node) => node["Node Type"] === "Sort"),
          `${label} must not sort`,
        ).toBe(false);
      }
    } finally {
      await client.end();
    }
  }, 120_000);
});
