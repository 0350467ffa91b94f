-- AlterTable
ALTER TABLE "messaging"."ticket_participants" ADD COLUMN     "changed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "removed_at" TIMESTAMPTZ(3);

-- rows recorded before this migration: their last event is when they were recorded
UPDATE "messaging"."ticket_participants" SET "changed_at" = "created_at";
