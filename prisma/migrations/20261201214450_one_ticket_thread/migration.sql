-- One thread per ticket: the help desk's ticket_comments become the one store of a ticket's conversation.
-- messaging.comments (with replies, ratings, attachments) and messaging.ticket_messages (the coordinator ↔ agent
-- chat, now the internal side of the thread) are moved into it, then dropped. Authors, times, parents, edits and
-- unsends are kept, and a messaging row whose ticket does not exist in the help desk has no thread to join and is dropped.
-- Hand-edited after `npm run db:migration` (the data move sits between the new tables and the drops).

-- AlterTable
ALTER TABLE "helpdesk"."ticket_comments" ADD COLUMN     "edited_at" TIMESTAMPTZ(3),
ADD COLUMN     "parent_id" INTEGER,
ADD COLUMN     "unsent_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "helpdesk"."ticket_comment_ratings" (
    "id" SERIAL NOT NULL,
    "comment_id" INTEGER NOT NULL,
    "user_id" INTEGER NOT NULL,
    "value" VARCHAR(4) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ticket_comment_ratings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "helpdesk"."ticket_comment_attachments" (
    "id" SERIAL NOT NULL,
    "comment_id" INTEGER NOT NULL,
    "file_name" VARCHAR(255) NOT NULL,
    "content_type" VARCHAR(127) NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "storage_path" TEXT NOT NULL,
    "uploaded_by" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ticket_comment_attachments_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ticket_comment_ratings_comment_id_user_id_key" ON "helpdesk"."ticket_comment_ratings"("comment_id", "user_id");

-- CreateIndex
CREATE INDEX "ticket_comment_attachments_comment_id_idx" ON "helpdesk"."ticket_comment_attachments"("comment_id");

-- CreateIndex
CREATE INDEX "ticket_comments_ticket_id_id_idx" ON "helpdesk"."ticket_comments"("ticket_id", "id");

-- CreateIndex
CREATE INDEX "ticket_comments_parent_id_idx" ON "helpdesk"."ticket_comments"("parent_id");

-- AddForeignKey
ALTER TABLE "helpdesk"."ticket_comments" ADD CONSTRAINT "ticket_comments_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "helpdesk"."ticket_comments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "helpdesk"."ticket_comment_ratings" ADD CONSTRAINT "ticket_comment_ratings_comment_id_fkey" FOREIGN KEY ("comment_id") REFERENCES "helpdesk"."ticket_comments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "helpdesk"."ticket_comment_attachments" ADD CONSTRAINT "ticket_comment_attachments_comment_id_fkey" FOREIGN KEY ("comment_id") REFERENCES "helpdesk"."ticket_comments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Move the data (a temporary column maps old ids to new ones).
ALTER TABLE "helpdesk"."ticket_comments" ADD COLUMN "legacy_ref" VARCHAR(24);

INSERT INTO "helpdesk"."ticket_comments" ("ticket_id", "author_id", "body", "is_internal", "created_at", "updated_at", "edited_at", "legacy_ref")
SELECT t."id", c."user_id", c."text", c."is_internal", c."created_at", c."updated_at",
       CASE WHEN c."updated_at" > c."created_at" + interval '1 second' THEN c."updated_at" END, 'comment:' || c."id"
  FROM "messaging"."comments" c JOIN "helpdesk"."tickets" t ON t."ticket_number" = c."ticket_number"
 ORDER BY c."created_at", c."id";

UPDATE "helpdesk"."ticket_comments" n SET "parent_id" = p."id"
  FROM "messaging"."comments" c, "helpdesk"."ticket_comments" p
 WHERE n."legacy_ref" = 'comment:' || c."id" AND c."parent_id" IS NOT NULL AND p."legacy_ref" = 'comment:' || c."parent_id";

-- a reply to an internal comment stays internal
UPDATE "helpdesk"."ticket_comments" n SET "is_internal" = true
  FROM "helpdesk"."ticket_comments" p WHERE n."parent_id" = p."id" AND p."is_internal" AND NOT n."is_internal";

INSERT INTO "helpdesk"."ticket_comment_ratings" ("comment_id", "user_id", "value", "created_at", "updated_at")
SELECT n."id", r."user_id", r."value", r."created_at", r."updated_at"
  FROM "messaging"."comment_ratings" r JOIN "helpdesk"."ticket_comments" n ON n."legacy_ref" = 'comment:' || r."comment_id";

INSERT INTO "helpdesk"."ticket_comment_attachments" ("comment_id", "file_name", "content_type", "size", "sha256", "storage_path", "uploaded_by", "created_at")
SELECT n."id", a."file_name", a."content_type", a."size", a."sha256", a."storage_path", a."uploaded_by", a."created_at"
  FROM "messaging"."comment_attachments" a JOIN "helpdesk"."ticket_comments" n ON n."legacy_ref" = 'comment:' || a."comment_id";

INSERT INTO "helpdesk"."ticket_comments" ("ticket_id", "author_id", "body", "is_internal", "created_at", "updated_at", "edited_at", "unsent_at", "legacy_ref")
SELECT t."id", m."user_id", m."text", true, m."created_at", coalesce(m."edited_at", m."unsent_at", m."created_at"), m."edited_at", m."unsent_at", 'message:' || m."id"
  FROM "messaging"."ticket_messages" m JOIN "helpdesk"."tickets" t ON t."ticket_number" = m."ticket_number"
 ORDER BY m."created_at", m."id";

ALTER TABLE "helpdesk"."ticket_comments" DROP COLUMN "legacy_ref";

-- DropTable
DROP TABLE "messaging"."comment_ratings";

-- DropTable
DROP TABLE "messaging"."comment_attachments";

-- DropTable
DROP TABLE "messaging"."comments";

-- DropTable
DROP TABLE "messaging"."ticket_messages";
