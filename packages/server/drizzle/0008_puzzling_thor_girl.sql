ALTER TABLE "eia_cases" ADD COLUMN "classification" jsonb;--> statement-breakpoint
CREATE UNIQUE INDEX "eia_cases_application_uq" ON "eia_cases" USING btree ("application_id");--> statement-breakpoint
CREATE UNIQUE INDEX "eia_cases_document_no_uq" ON "eia_cases" USING btree ("document_no") WHERE "eia_cases"."path" <> 'report-book';