ALTER TABLE "merchant_profiles" ADD COLUMN "merchant_name_km" text;--> statement-breakpoint
ALTER TABLE "merchant_profiles" ADD COLUMN "merchant_city_km" text;--> statement-breakpoint
ALTER TABLE "sign_up_requests" ADD COLUMN "locale" text DEFAULT 'km' NOT NULL;--> statement-breakpoint
-- Hand edit: accounts made before this migration used the English-only dashboard and keep English;
-- new accounts get the sign-up page's language, Khmer by default (the schema's default, set right after).
ALTER TABLE "users" ADD COLUMN "locale" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ALTER COLUMN "locale" SET DEFAULT 'km';--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "khmer_digits" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "sign_up_requests" ADD CONSTRAINT "sign_up_requests_locale_check" CHECK ("sign_up_requests"."locale" in ('km', 'en'));--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_locale_check" CHECK ("users"."locale" in ('km', 'en'));