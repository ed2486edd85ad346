ALTER TABLE "visit_enterprises" ADD COLUMN "id" uuid DEFAULT gen_random_uuid() NOT NULL;--> statement-breakpoint
ALTER TABLE "visit_enterprises" ADD CONSTRAINT "visit_enterprises_id_unique" UNIQUE("id");--> statement-breakpoint
-- A visit's rating now belongs to the enterprise's part of it (户次): ratings given before point at
-- the visit and name its first enterprise as the rater's; they move to that enterprise's part, and
-- their labels name the enterprise as new ones do.
UPDATE "ratings" r SET
  "event_id" = ve."id",
  "label" = '上门服务 ' || v."date"::text || ' ' || e."name",
  "label_en" = 'Door-to-door visit ' || v."date"::text || ' ' || e."name"
FROM "visit_enterprises" ve
  JOIN "visits" v ON v."id" = ve."visit_id"
  JOIN "enterprises" e ON e."id" = ve."enterprise_id"
WHERE r."event_type" = 'visit' AND ve."visit_id" = r."event_id" AND ve."enterprise_id" = r."enterprise_id";
