ALTER TABLE "disclosure_events" ADD COLUMN "note_en" text;--> statement-breakpoint
-- Registrations recorded before this column have a note of one fixed form; give them its English so
-- an English reader's history starts in English. Other notes carry the staff's own words and stay
-- Chinese (the page shows the Chinese where no English was written).
UPDATE "disclosure_events"
SET "note_en" = regexp_replace("note", '^已收到申请，依《政府信息公开条例》第三十三条，应于 (\d{4}-\d{2}-\d{2}) 前答复$', 'Request received; under Art. 33 of the Regulations on the Disclosure of Government Information, the answer is due by \1')
WHERE "action" = 'register' AND "note" ~ '^已收到申请，依《政府信息公开条例》第三十三条，应于 \d{4}-\d{2}-\d{2} 前答复$';
