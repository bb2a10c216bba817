DROP INDEX "transactions_order_key";--> statement-breakpoint
DROP INDEX "transactions_md5_idx";--> statement-breakpoint
ALTER TABLE "transactions" ADD COLUMN "leased_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "first_paid_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "transactions_bill_number_idx" ON "transactions" USING btree ("user_id","mode","bill_number" text_pattern_ops) WHERE "transactions"."bill_number" is not null;--> statement-breakpoint
CREATE INDEX "transactions_user_status_idx" ON "transactions" USING btree ("user_id","mode","status","created_at","id");--> statement-breakpoint
CREATE INDEX "transactions_paid_idx" ON "transactions" USING btree ("user_id","mode","paid_at","currency","amount") WHERE "transactions"."status" = 'paid';--> statement-breakpoint
CREATE UNIQUE INDEX "transactions_order_key" ON "transactions" USING btree ("user_id","mode","order_id" text_pattern_ops) WHERE "transactions"."order_id" is not null;--> statement-breakpoint
CREATE INDEX "transactions_md5_idx" ON "transactions" USING btree ("md5" text_pattern_ops);