-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateEnum
CREATE TYPE "AspirationStatus" AS ENUM ('baru', 'diverifikasi', 'diproses', 'selesai', 'ditolak', 'diteruskan');

-- CreateEnum
CREATE TYPE "AspirationPrivacy" AS ENUM ('named', 'anonim', 'rahasia');

-- CreateTable
CREATE TABLE "aspirations" (
    "id" SERIAL NOT NULL,
    "forum_id" INTEGER NOT NULL,
    "origin_village_id" INTEGER NOT NULL,
    "village_id" INTEGER,
    "ticket_no" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "photos" JSONB NOT NULL DEFAULT '[]',
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "location_text" TEXT,
    "privacy" "AspirationPrivacy" NOT NULL DEFAULT 'named',
    "reporter_id" INTEGER NOT NULL,
    "status" "AspirationStatus" NOT NULL DEFAULT 'baru',
    "version" INTEGER NOT NULL DEFAULT 0,
    "support_count" INTEGER NOT NULL DEFAULT 0,
    "verify_due_at" TIMESTAMP(3) NOT NULL,
    "resolve_due_at" TIMESTAMP(3) NOT NULL,
    "verified_at" TIMESTAMP(3),
    "resolved_at" TIMESTAMP(3),
    "confirmed_at" TIMESTAMP(3),
    "escalated_at" TIMESTAMP(3),
    "reopen_count" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "aspirations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "aspiration_events" (
    "id" SERIAL NOT NULL,
    "aspiration_id" INTEGER NOT NULL,
    "forum_id" INTEGER NOT NULL,
    "actor_id" INTEGER,
    "actor_role" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "from_status" "AspirationStatus",
    "to_status" "AspirationStatus",
    "village_id" INTEGER,
    "note" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "aspiration_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "aspiration_supports" (
    "id" SERIAL NOT NULL,
    "aspiration_id" INTEGER NOT NULL,
    "forum_id" INTEGER NOT NULL,
    "person_id" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "aspiration_supports_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "aspiration_counters" (
    "forum_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "aspiration_counters_pkey" PRIMARY KEY ("forum_id","year")
);

-- CreateIndex
CREATE INDEX "aspirations_forum_id_status_idx" ON "aspirations"("forum_id", "status");

-- CreateIndex
CREATE INDEX "aspirations_forum_id_village_id_status_idx" ON "aspirations"("forum_id", "village_id", "status");

-- CreateIndex
CREATE INDEX "aspirations_forum_id_origin_village_id_idx" ON "aspirations"("forum_id", "origin_village_id");

-- CreateIndex
CREATE INDEX "aspirations_reporter_id_created_at_idx" ON "aspirations"("reporter_id", "created_at");

-- CreateIndex
CREATE INDEX "aspirations_text_idx" ON "aspirations" USING GIN ("text" gin_trgm_ops);

-- CreateIndex
CREATE UNIQUE INDEX "aspirations_forum_id_ticket_no_key" ON "aspirations"("forum_id", "ticket_no");

-- CreateIndex
CREATE INDEX "aspiration_events_aspiration_id_created_at_idx" ON "aspiration_events"("aspiration_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "aspiration_supports_aspiration_id_person_id_key" ON "aspiration_supports"("aspiration_id", "person_id");

-- AddForeignKey
ALTER TABLE "aspiration_events" ADD CONSTRAINT "aspiration_events_aspiration_id_fkey" FOREIGN KEY ("aspiration_id") REFERENCES "aspirations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "aspiration_supports" ADD CONSTRAINT "aspiration_supports_aspiration_id_fkey" FOREIGN KEY ("aspiration_id") REFERENCES "aspirations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
