-- AlterTable
ALTER TABLE "helpdesk"."tickets" ADD COLUMN     "affected_service" VARCHAR(255),
ADD COLUMN     "environment" VARCHAR(64),
ADD COLUMN     "impact_level" VARCHAR(16),
ADD COLUMN     "tags" TEXT[] DEFAULT ARRAY[]::TEXT[];
