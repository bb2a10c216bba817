CREATE TABLE "bakong_state" (
	"mode" text PRIMARY KEY NOT NULL,
	"budget_tokens" double precision,
	"budget_refilled_at" timestamp with time zone,
	"budget_minute" timestamp with time zone,
	"calls_in_minute" integer DEFAULT 0 NOT NULL,
	"list_refused_until" timestamp with time zone,
	"consecutive_failures" integer DEFAULT 0 NOT NULL,
	"outage_until" timestamp with time zone,
	"outage_detail" text,
	"poller_seen_at" timestamp with time zone,
	CONSTRAINT "bakong_state_mode_check" CHECK ("bakong_state"."mode" in ('live', 'test'))
);
--> statement-breakpoint
ALTER TABLE "transactions" ADD COLUMN "last_answer_at" timestamp with time zone;