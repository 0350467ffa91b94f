-- CreateTable
CREATE TABLE "helpdesk"."saved_views" (
    "id" SERIAL NOT NULL,
    "owner_id" INTEGER NOT NULL,
    "name" VARCHAR(80) NOT NULL,
    "url" VARCHAR(1000) NOT NULL,
    "shared" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "saved_views_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "saved_views_owner_id_idx" ON "helpdesk"."saved_views"("owner_id");

-- CreateIndex
CREATE INDEX "saved_views_shared_idx" ON "helpdesk"."saved_views"("shared");
