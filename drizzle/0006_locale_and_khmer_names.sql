ALTER TABLE "merchant_profiles" ADD COLUMN "merchant_name_km" text;--> statement-breakpoint
ALTER TABLE "merchant_profiles" ADD COLUMN "merchant_city_km" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "locale" text DEFAULT 'km' NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "khmer_digits" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_locale_check" CHECK ("users"."locale" in ('km', 'en'));