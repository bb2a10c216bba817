ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_mode_check" CHECK ("api_keys"."mode" in ('live', 'test'));--> statement-breakpoint
ALTER TABLE "merchant_profiles" ADD CONSTRAINT "merchant_profiles_currency_check" CHECK ("merchant_profiles"."currency" in ('USD', 'KHR'));--> statement-breakpoint
ALTER TABLE "sandbox_payments" ADD CONSTRAINT "sandbox_payments_currency_check" CHECK ("sandbox_payments"."currency" in ('USD', 'KHR'));--> statement-breakpoint
ALTER TABLE "transaction_events" ADD CONSTRAINT "transaction_events_kind_check" CHECK ("transaction_events"."kind" in ('created', 'paid', 'paid_after_expiry', 'expired', 'amount_mismatch'));--> statement-breakpoint
ALTER TABLE "transactions" ADD CONSTRAINT "transactions_mode_check" CHECK ("transactions"."mode" in ('live', 'test'));--> statement-breakpoint
ALTER TABLE "transactions" ADD CONSTRAINT "transactions_currency_check" CHECK ("transactions"."currency" in ('USD', 'KHR'));--> statement-breakpoint
ALTER TABLE "transactions" ADD CONSTRAINT "transactions_status_check" CHECK ("transactions"."status" in ('pending', 'paid', 'expired'));--> statement-breakpoint
ALTER TABLE "usage_daily" ADD CONSTRAINT "usage_daily_mode_check" CHECK ("usage_daily"."mode" in ('live', 'test'));--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_status_check" CHECK ("webhook_deliveries"."status" in ('pending', 'succeeded', 'failed'));--> statement-breakpoint
ALTER TABLE "webhook_endpoints" ADD CONSTRAINT "webhook_endpoints_mode_check" CHECK ("webhook_endpoints"."mode" in ('live', 'test'));