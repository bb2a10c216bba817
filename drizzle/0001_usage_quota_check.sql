-- Rows counted before this migration get no limit of their own: the next count writes the plan's quota.
ALTER TABLE "usage_daily" ADD COLUMN "qr_limit" integer DEFAULT 2147483647 NOT NULL;--> statement-breakpoint
ALTER TABLE "usage_daily" ALTER COLUMN "qr_limit" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "usage_daily" ADD CONSTRAINT "usage_daily_within_quota" CHECK ("usage_daily"."qr_count" <= "usage_daily"."qr_limit");
