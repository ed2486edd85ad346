ALTER TABLE "electricity_meters" ADD COLUMN "hj212_mn" text;--> statement-breakpoint
ALTER TABLE "electricity_meters" ADD COLUMN "hj212_password" text;--> statement-breakpoint
ALTER TABLE "electricity_meters" ADD COLUMN "hj212_code" text;--> statement-breakpoint
CREATE UNIQUE INDEX "electricity_meters_hj212_uq" ON "electricity_meters" USING btree ("hj212_mn","hj212_code");