CREATE TABLE "email_alert_settings" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"scope" text NOT NULL,
	"locale" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "email_alert_settings_scope_check" CHECK ("email_alert_settings"."scope" in ('live', 'test', 'both')),
	CONSTRAINT "email_alert_settings_locale_check" CHECK ("email_alert_settings"."locale" in ('km', 'en'))
);
--> statement-breakpoint
CREATE TABLE "payment_alerts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"transaction_id" uuid,
	"verified_payment_id" uuid,
	"channel" text NOT NULL,
	"telegram_chat_id" uuid,
	"email_id" uuid,
	"text" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempt_count" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"locked_until" timestamp with time zone,
	"last_error" text,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payment_alerts_channel_check" CHECK ("payment_alerts"."channel" in ('telegram', 'email')),
	CONSTRAINT "payment_alerts_status_check" CHECK ("payment_alerts"."status" in ('pending', 'succeeded', 'failed')),
	CONSTRAINT "payment_alerts_subject_check" CHECK (("payment_alerts"."transaction_id" is null) <> ("payment_alerts"."verified_payment_id" is null))
);
--> statement-breakpoint
CREATE TABLE "payment_links" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"mode" text NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"currency" text NOT NULL,
	"amount" numeric(16, 2),
	"min_amount" numeric(16, 2),
	"max_amount" numeric(16, 2),
	"bill_number_prefix" text,
	"reusable" boolean DEFAULT true NOT NULL,
	"expires_at" timestamp with time zone,
	"success_url" text,
	"signing_secret" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"deactivated_at" timestamp with time zone,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payment_links_mode_check" CHECK ("payment_links"."mode" in ('live', 'test')),
	CONSTRAINT "payment_links_currency_check" CHECK ("payment_links"."currency" in ('USD', 'KHR')),
	CONSTRAINT "payment_links_amount_kind_check" CHECK ("payment_links"."amount" is null or ("payment_links"."min_amount" is null and "payment_links"."max_amount" is null)),
	CONSTRAINT "payment_links_bounds_check" CHECK ("payment_links"."min_amount" is null or "payment_links"."max_amount" is null or "payment_links"."min_amount" <= "payment_links"."max_amount")
);
--> statement-breakpoint
CREATE TABLE "telegram_chats" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"chat_id" bigint NOT NULL,
	"title" text NOT NULL,
	"scope" text NOT NULL,
	"locale" text NOT NULL,
	"connected_at" timestamp with time zone DEFAULT now() NOT NULL,
	"disconnected_at" timestamp with time zone,
	"disconnect_reason" text,
	CONSTRAINT "telegram_chats_scope_check" CHECK ("telegram_chats"."scope" in ('live', 'test', 'both')),
	CONSTRAINT "telegram_chats_locale_check" CHECK ("telegram_chats"."locale" in ('km', 'en'))
);
--> statement-breakpoint
CREATE TABLE "telegram_connect_codes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"scope" text NOT NULL,
	"locale" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"telegram_chat_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "telegram_connect_codes_scope_check" CHECK ("telegram_connect_codes"."scope" in ('live', 'test', 'both')),
	CONSTRAINT "telegram_connect_codes_locale_check" CHECK ("telegram_connect_codes"."locale" in ('km', 'en'))
);
--> statement-breakpoint
CREATE TABLE "telegram_state" (
	"id" text PRIMARY KEY NOT NULL,
	"update_offset" bigint DEFAULT 0 NOT NULL,
	"poll_lease_until" timestamp with time zone,
	"webhook_url" text
);
--> statement-breakpoint
ALTER TABLE "transactions" ADD COLUMN "payment_link_id" uuid;--> statement-breakpoint
ALTER TABLE "email_alert_settings" ADD CONSTRAINT "email_alert_settings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_alerts" ADD CONSTRAINT "payment_alerts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_alerts" ADD CONSTRAINT "payment_alerts_transaction_id_transactions_id_fk" FOREIGN KEY ("transaction_id") REFERENCES "public"."transactions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_alerts" ADD CONSTRAINT "payment_alerts_verified_payment_id_verified_payments_id_fk" FOREIGN KEY ("verified_payment_id") REFERENCES "public"."verified_payments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_alerts" ADD CONSTRAINT "payment_alerts_telegram_chat_id_telegram_chats_id_fk" FOREIGN KEY ("telegram_chat_id") REFERENCES "public"."telegram_chats"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_alerts" ADD CONSTRAINT "payment_alerts_email_id_email_outbox_id_fk" FOREIGN KEY ("email_id") REFERENCES "public"."email_outbox"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_links" ADD CONSTRAINT "payment_links_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "telegram_chats" ADD CONSTRAINT "telegram_chats_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "telegram_connect_codes" ADD CONSTRAINT "telegram_connect_codes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "telegram_connect_codes" ADD CONSTRAINT "telegram_connect_codes_telegram_chat_id_telegram_chats_id_fk" FOREIGN KEY ("telegram_chat_id") REFERENCES "public"."telegram_chats"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "payment_alerts_telegram_key" ON "payment_alerts" USING btree ("transaction_id","telegram_chat_id") WHERE "payment_alerts"."telegram_chat_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "payment_alerts_email_key" ON "payment_alerts" USING btree ("transaction_id") WHERE "payment_alerts"."channel" = 'email';--> statement-breakpoint
CREATE UNIQUE INDEX "payment_alerts_receipt_telegram_key" ON "payment_alerts" USING btree ("verified_payment_id","telegram_chat_id") WHERE "payment_alerts"."telegram_chat_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "payment_alerts_receipt_email_key" ON "payment_alerts" USING btree ("verified_payment_id") WHERE "payment_alerts"."channel" = 'email';--> statement-breakpoint
CREATE INDEX "payment_alerts_due_idx" ON "payment_alerts" USING btree ("next_attempt_at") WHERE "payment_alerts"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "payment_alerts_user_created_idx" ON "payment_alerts" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_links_slug_key" ON "payment_links" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "payment_links_user_created_idx" ON "payment_links" USING btree ("user_id","mode","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "telegram_chats_user_chat_key" ON "telegram_chats" USING btree ("user_id","chat_id");--> statement-breakpoint
CREATE INDEX "telegram_chats_chat_idx" ON "telegram_chats" USING btree ("chat_id");--> statement-breakpoint
CREATE UNIQUE INDEX "telegram_connect_codes_hash_key" ON "telegram_connect_codes" USING btree ("code_hash");--> statement-breakpoint
ALTER TABLE "transactions" ADD CONSTRAINT "transactions_payment_link_id_payment_links_id_fk" FOREIGN KEY ("payment_link_id") REFERENCES "public"."payment_links"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "transactions_payment_link_idx" ON "transactions" USING btree ("payment_link_id","created_at") WHERE "transactions"."payment_link_id" is not null;