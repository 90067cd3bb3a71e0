-- CreateTable
CREATE TABLE "village_indicators" (
    "id" SERIAL NOT NULL,
    "forum_id" INTEGER NOT NULL,
    "village_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "value_number" DOUBLE PRECISION,
    "value_text" TEXT,
    "source" TEXT NOT NULL DEFAULT 'manual',
    "updated_by_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "village_indicators_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "village_indicators_forum_id_year_idx" ON "village_indicators"("forum_id", "year");

-- CreateIndex
CREATE UNIQUE INDEX "village_indicators_forum_id_village_id_year_key_key" ON "village_indicators"("forum_id", "village_id", "year", "key");
