-- CreateEnum
CREATE TYPE "BroadcastState" AS ENUM ('scheduled', 'sending', 'done', 'cancelled', 'failed');

-- CreateTable
CREATE TABLE "broadcasts" (
    "id" SERIAL NOT NULL,
    "forum_id" INTEGER NOT NULL,
    "author_id" INTEGER NOT NULL,
    "targets" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "village_ids" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "all_villages" BOOLEAN NOT NULL DEFAULT false,
    "parts" JSONB NOT NULL,
    "media_kind" TEXT,
    "media_file_id" TEXT,
    "excerpt" TEXT NOT NULL,
    "pin" BOOLEAN NOT NULL DEFAULT false,
    "silent" BOOLEAN NOT NULL DEFAULT false,
    "scheduled_at" TIMESTAMP(3),
    "state" "BroadcastState" NOT NULL DEFAULT 'scheduled',
    "batch_id" INTEGER,
    "recipients" INTEGER NOT NULL DEFAULT 0,
    "failure_reason" TEXT,
    "progress_shown" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMP(3),
    "finished_at" TIMESTAMP(3),
    "cancelled_at" TIMESTAMP(3),
    "cancelled_by_id" INTEGER,

    CONSTRAINT "broadcasts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "broadcasts_forum_id_created_at_idx" ON "broadcasts"("forum_id", "created_at");

-- CreateIndex
CREATE INDEX "broadcasts_author_id_idx" ON "broadcasts"("author_id");
