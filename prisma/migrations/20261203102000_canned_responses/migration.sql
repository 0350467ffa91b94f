-- CreateTable
CREATE TABLE "messaging"."canned_responses" (
    "id" SERIAL NOT NULL,
    "owner_id" INTEGER NOT NULL,
    "title" VARCHAR(120) NOT NULL,
    "body" VARCHAR(5000) NOT NULL,
    "shared" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "canned_responses_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "canned_responses_owner_id_idx" ON "messaging"."canned_responses"("owner_id");

-- CreateIndex
CREATE INDEX "canned_responses_shared_idx" ON "messaging"."canned_responses"("shared");
