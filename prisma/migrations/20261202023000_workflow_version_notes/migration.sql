-- AlterTable: the note an admin types when deploying a version
ALTER TABLE "workflow"."workflow_versions" ADD COLUMN     "note" VARCHAR(500) NOT NULL DEFAULT '';
