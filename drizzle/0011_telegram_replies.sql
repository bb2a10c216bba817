CREATE TABLE "telegram_replies" (
	"id" uuid PRIMARY KEY NOT NULL,
	"update_id" bigint NOT NULL,
	"chat_id" bigint NOT NULL,
	"text" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempt_count" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"locked_until" timestamp with time zone,
	"last_error" text,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "telegram_replies_status_check" CHECK ("telegram_replies"."status" in ('pending', 'succeeded', 'failed'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "telegram_replies_update_key" ON "telegram_replies" USING btree ("chat_id","update_id");--> statement-breakpoint
CREATE INDEX "telegram_replies_due_idx" ON "telegram_replies" USING btree ("next_attempt_at") WHERE "telegram_replies"."status" = 'pending';