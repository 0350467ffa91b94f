-- AlterTable
ALTER TABLE "helpdesk"."tickets" ADD COLUMN     "priority_rank" SMALLINT;
