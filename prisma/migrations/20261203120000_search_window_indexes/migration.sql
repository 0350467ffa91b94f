-- A search looks among the newest tickets first (lib/domain/helpdesk/queries.ts, searchTicketIds): with the id in
-- the trigram index (btree_gin), "subject ILIKE … AND id >= …" reads only the window's candidates from the index
-- instead of rechecking every subject in the table that holds the words. A query on the substring alone still
-- uses these indexes, so they replace the single-column ones.
CREATE EXTENSION IF NOT EXISTS btree_gin;
CREATE INDEX "tickets_id_subject_trgm_idx" ON "helpdesk"."tickets" USING gin ("id", "subject" gin_trgm_ops);
CREATE INDEX "tickets_id_ticket_number_trgm_idx" ON "helpdesk"."tickets" USING gin ("id", "ticket_number" gin_trgm_ops);
DROP INDEX IF EXISTS "helpdesk"."tickets_subject_trgm_idx";
DROP INDEX IF EXISTS "helpdesk"."tickets_ticket_number_trgm_idx";
