-- AlterTable
ALTER TABLE "helpdesk"."departments" ADD COLUMN     "active" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "helpdesk"."categories" ADD COLUMN     "active" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "helpdesk"."sub_categories" ADD COLUMN     "active" BOOLEAN NOT NULL DEFAULT true;
