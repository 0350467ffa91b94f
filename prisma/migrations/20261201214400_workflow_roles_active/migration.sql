-- AlterTable
ALTER TABLE "identity"."roles" ADD COLUMN     "is_active" BOOLEAN NOT NULL DEFAULT true;
