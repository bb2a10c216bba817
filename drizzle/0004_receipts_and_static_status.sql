CREATE TABLE "verified_payments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"mode" text NOT NULL,
	"hash" text NOT NULL,
	"amount" numeric(16, 2) NOT NULL,
	"currency" text NOT NULL,
	"from_account_id" text,
	"to_account_id" text NOT NULL,
	"paid_at" timestamp with time zone,
	"transaction_id" uuid,
	"source" text NOT NULL,
	"api_key_id" uuid,
	"bakong_response" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "verified_payments_mode_check" CHECK ("verified_payments"."mode" in ('live', 'test')),
	CONSTRAINT "verified_payments_currency_check" CHECK ("verified_payments"."currency" in ('USD', 'KHR')),
	CONSTRAINT "verified_payments_source_check" CHECK ("verified_payments"."source" in ('api', 'dashboard'))
);
--> statement-breakpoint
ALTER TABLE "transactions" DROP CONSTRAINT "transactions_status_check";--> statement-breakpoint
ALTER TABLE "sandbox_payments" DROP CONSTRAINT "sandbox_payments_pkey";--> statement-breakpoint
ALTER TABLE "sandbox_payments" ADD PRIMARY KEY ("hash");--> statement-breakpoint
ALTER TABLE "sandbox_payments" ALTER COLUMN "md5" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "sandbox_payments" ADD COLUMN "user_id" uuid;--> statement-breakpoint
ALTER TABLE "webhook_endpoints" ADD COLUMN "events" text[] DEFAULT array['transaction.paid']::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "verified_payments" ADD CONSTRAINT "verified_payments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verified_payments" ADD CONSTRAINT "verified_payments_transaction_id_transactions_id_fk" FOREIGN KEY ("transaction_id") REFERENCES "public"."transactions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verified_payments" ADD CONSTRAINT "verified_payments_api_key_id_api_keys_id_fk" FOREIGN KEY ("api_key_id") REFERENCES "public"."api_keys"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "verified_payments_hash_key" ON "verified_payments" USING btree ("user_id","mode","hash");--> statement-breakpoint
CREATE INDEX "verified_payments_user_created_idx" ON "verified_payments" USING btree ("user_id","mode","created_at");--> statement-breakpoint
CREATE INDEX "verified_payments_transaction_idx" ON "verified_payments" USING btree ("transaction_id");--> statement-breakpoint
ALTER TABLE "sandbox_payments" ADD CONSTRAINT "sandbox_payments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "sandbox_payments_md5_key" ON "sandbox_payments" USING btree ("md5") WHERE "sandbox_payments"."md5" is not null;--> statement-breakpoint
CREATE INDEX "sandbox_payments_short_hash_idx" ON "sandbox_payments" USING btree (left("hash", 8));--> statement-breakpoint
-- Hand-written (keep when regenerating): static QRs were stored as pending (or, after a sandbox "Simulate", paid).
UPDATE "transactions" SET "status" = 'static', "next_check_at" = NULL WHERE "is_static";--> statement-breakpoint
ALTER TABLE "transactions" ADD CONSTRAINT "transactions_static_status_check" CHECK ("transactions"."is_static" = ("transactions"."status" = 'static'));--> statement-breakpoint
ALTER TABLE "transactions" ADD CONSTRAINT "transactions_status_check" CHECK ("transactions"."status" in ('pending', 'paid', 'expired', 'static'));--> statement-breakpoint
ALTER TABLE "webhook_endpoints" ADD CONSTRAINT "webhook_endpoints_events_check" CHECK ("webhook_endpoints"."events" <@ array['transaction.paid', 'transaction.expired', 'transaction.verified']::text[]);