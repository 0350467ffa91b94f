-- DropIndex
DROP INDEX "knowledge"."articles_status_visibility_view_count_idx";

-- CreateIndex
CREATE INDEX "articles_status_visibility_view_count_id_idx" ON "knowledge"."articles"("status", "visibility", "view_count" DESC, "id" DESC);
