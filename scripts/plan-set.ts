import { PLAN_NAMES, PLANS, isPlan } from "@/lib/config/plans";
import { closeDb } from "@/lib/db";
import { setPlan } from "@/lib/accounts";

/**
 * `npm run plan:set -- <email> <plan>`: moves an account to another plan. Quotas follow on the next request.
 * Exits 1 for a wrong plan or email, or when the embedded database is held by a running server.
 */
async function main(): Promise<number> {
  const [email, plan] = process.argv.slice(2);
  if (!email || !plan) {
    console.error(`Usage: npm run plan:set -- <email> <plan>   (plans: ${PLAN_NAMES.join(", ")})`);
    return 1;
  }
  // Checked before the database is opened, so a typo never waits on (or locks) the database.
  if (!isPlan(plan)) {
    console.error(`Unknown plan "${plan}". Plans: ${PLAN_NAMES.join(", ")}.`);
    return 1;
  }
  try {
    const { email: account, before, after } = await setPlan(email, plan);
    const { live, test } = PLANS[after].dailyQrQuota;
    console.log(
      `${account}: plan ${before} → ${after} (${live.toLocaleString("en-US")} live / ${test.toLocaleString("en-US")} test QR codes per day)`,
    );
    return 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return 1;
  } finally {
    await closeDb();
  }
}

process.exitCode = await main();
