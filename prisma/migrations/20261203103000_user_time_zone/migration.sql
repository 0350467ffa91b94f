-- AlterTable
ALTER TABLE "identity"."users" ADD COLUMN     "time_zone" VARCHAR(64);
