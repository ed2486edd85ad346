CREATE TABLE "inspection_draws" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"seed" text NOT NULL,
	"algorithm" text NOT NULL,
	"inputs" jsonb NOT NULL,
	"inputs_hash" text NOT NULL,
	"objects_version" integer NOT NULL,
	"inspectors_version" integer NOT NULL,
	"targets" jsonb NOT NULL,
	"team" jsonb NOT NULL,
	"status" text DEFAULT 'drawn' NOT NULL,
	"drawn_by" uuid,
	"drawn_by_name" text NOT NULL,
	"drawn_at" timestamp with time zone DEFAULT now() NOT NULL,
	"publish_due_on" date,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "inspection_library_versions" (
	"kind" text PRIMARY KEY NOT NULL,
	"version" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_objects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"class" text NOT NULL,
	"basis" text NOT NULL,
	"updated_by_name" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspection_objects_enterprise_id_unique" UNIQUE("enterprise_id")
);
--> statement-breakpoint
CREATE TABLE "inspection_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"year" integer NOT NULL,
	"period" text NOT NULL,
	"quarter" integer,
	"ratios" jsonb NOT NULL,
	"inspectors_per_target" integer NOT NULL,
	"avoid_own_town" integer NOT NULL,
	"listed_weight" double precision NOT NULL,
	"rule_versions" jsonb NOT NULL,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_results" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"draw_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"inspected_on" date NOT NULL,
	"outcome" text NOT NULL,
	"summary" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspection_results_draw_enterprise_uq" UNIQUE("draw_id","enterprise_id")
);
--> statement-breakpoint
CREATE TABLE "inspectors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid,
	"name" text NOT NULL,
	"town_code" text,
	"active" boolean DEFAULT true NOT NULL,
	"conflicts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_by_name" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "positive_list_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"category" text NOT NULL,
	"status" text DEFAULT 'listed' NOT NULL,
	"decided_on" date NOT NULL,
	"valid_until" date NOT NULL,
	"checks" jsonb NOT NULL,
	"reason" text NOT NULL,
	"decided_by" uuid,
	"decided_by_name" text NOT NULL,
	"removed_at" timestamp with time zone,
	"removal_reason" text,
	"removed_by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "positive_list_removal_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entry_id" uuid NOT NULL,
	"trigger" text NOT NULL,
	"source_type" text NOT NULL,
	"source_id" text NOT NULL,
	"summary" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"decision_reason" text,
	"decided_by_name" text,
	"decided_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "positive_list_proposal_source_uq" UNIQUE("entry_id","source_type","source_id")
);
--> statement-breakpoint
ALTER TABLE "inspection_draws" ADD CONSTRAINT "inspection_draws_plan_id_inspection_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."inspection_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_objects" ADD CONSTRAINT "inspection_objects_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_results" ADD CONSTRAINT "inspection_results_draw_id_inspection_draws_id_fk" FOREIGN KEY ("draw_id") REFERENCES "public"."inspection_draws"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_results" ADD CONSTRAINT "inspection_results_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "positive_list_entries" ADD CONSTRAINT "positive_list_entries_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "positive_list_removal_proposals" ADD CONSTRAINT "positive_list_removal_proposals_entry_id_positive_list_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."positive_list_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inspection_draws_plan_idx" ON "inspection_draws" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "inspection_objects_class_idx" ON "inspection_objects" USING btree ("class");--> statement-breakpoint
CREATE UNIQUE INDEX "positive_list_one_listed" ON "positive_list_entries" USING btree ("enterprise_id") WHERE status = 'listed';--> statement-breakpoint
CREATE INDEX "positive_list_decided_idx" ON "positive_list_entries" USING btree ("decided_on");--> statement-breakpoint
CREATE INDEX "positive_list_proposal_status_idx" ON "positive_list_removal_proposals" USING btree ("status");