-- Accounts paid before users.first_paid_at existed: their first payment, read once from transactions.
UPDATE "users" SET "first_paid_at" = "first"."paid_at"
FROM (
  SELECT "user_id", min(coalesce("paid_at", "created_at")) AS "paid_at" FROM "transactions" WHERE "status" = 'paid' GROUP BY "user_id"
) AS "first"
WHERE "users"."id" = "first"."user_id" AND "users"."first_paid_at" IS NULL;
