-- CreateEnum
CREATE TYPE "VillageEnterpriseKind" AS ENUM ('bumdes', 'bumdesma', 'koperasi');

-- CreateEnum
CREATE TYPE "BursaKind" AS ENUM ('kebutuhan', 'penawaran');

-- CreateEnum
CREATE TYPE "BursaStatus" AS ENUM ('terbuka', 'selesai', 'ditutup');

-- CreateEnum
CREATE TYPE "AgreementStatus" AS ENUM ('draf', 'ditandatangani', 'berjalan', 'selesai', 'batal');

-- CreateTable
CREATE TABLE "village_profiles" (
    "id" SERIAL NOT NULL,
    "forum_id" INTEGER NOT NULL,
    "village_id" INTEGER NOT NULL,
    "population" INTEGER,
    "households" INTEGER,
    "area_ha" DOUBLE PRECISION,
    "dusun" TEXT[],
    "dusun_count" INTEGER,
    "commodities" TEXT[],
    "facilities" TEXT[],
    "challenges" TEXT,
    "contact_name" TEXT,
    "contact_phone" TEXT,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "version" INTEGER NOT NULL DEFAULT 0,
    "updated_by_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "village_profiles_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "village_enterprises" (
    "id" SERIAL NOT NULL,
    "forum_id" INTEGER NOT NULL,
    "village_id" INTEGER NOT NULL,
    "kind" "VillageEnterpriseKind" NOT NULL,
    "name" TEXT NOT NULL,
    "units" TEXT[],
    "products" TEXT[],
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "village_enterprises_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "village_profile_changes" (
    "id" SERIAL NOT NULL,
    "forum_id" INTEGER NOT NULL,
    "village_id" INTEGER NOT NULL,
    "actor_id" INTEGER,
    "source" TEXT NOT NULL,
    "changes" JSONB NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "village_profile_changes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "bursa_posts" (
    "id" SERIAL NOT NULL,
    "forum_id" INTEGER NOT NULL,
    "kind" "BursaKind" NOT NULL,
    "village_id" INTEGER,
    "author_id" INTEGER NOT NULL,
    "partner_name" TEXT,
    "category" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "details" TEXT,
    "quantity" TEXT,
    "period_start" TIMESTAMP(3),
    "period_end" TIMESTAMP(3),
    "period_text" TEXT,
    "place" TEXT,
    "terms" TEXT,
    "status" "BursaStatus" NOT NULL DEFAULT 'terbuka',
    "topic_id" INTEGER,
    "mediated_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closed_at" TIMESTAMP(3),

    CONSTRAINT "bursa_posts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "bursa_matches" (
    "id" SERIAL NOT NULL,
    "forum_id" INTEGER NOT NULL,
    "need_id" INTEGER NOT NULL,
    "offer_id" INTEGER NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "distance_km" DOUBLE PRECISION,
    "reasons" JSONB NOT NULL DEFAULT '{}',
    "need_interest_at" TIMESTAMP(3),
    "need_interest_by_id" INTEGER,
    "offer_interest_at" TIMESTAMP(3),
    "offer_interest_by_id" INTEGER,
    "mediated_at" TIMESTAMP(3),
    "mediated_by_id" INTEGER,
    "topic_id" INTEGER,
    "meeting_id" INTEGER,
    "agreement_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "bursa_matches_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "agreements" (
    "id" SERIAL NOT NULL,
    "forum_id" INTEGER NOT NULL,
    "number" TEXT NOT NULL,
    "object" TEXT NOT NULL,
    "value_rupiah" BIGINT,
    "starts_on" TIMESTAMP(3),
    "ends_on" TIMESTAMP(3),
    "status" "AgreementStatus" NOT NULL DEFAULT 'draf',
    "document_file_id" TEXT,
    "document_name" TEXT,
    "match_id" INTEGER,
    "created_by_id" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "agreements_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "agreement_parties" (
    "id" SERIAL NOT NULL,
    "agreement_id" INTEGER NOT NULL,
    "forum_id" INTEGER NOT NULL,
    "village_id" INTEGER,
    "person_id" INTEGER,
    "name" TEXT NOT NULL,

    CONSTRAINT "agreement_parties_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "agreement_evaluations" (
    "id" SERIAL NOT NULL,
    "agreement_id" INTEGER NOT NULL,
    "forum_id" INTEGER NOT NULL,
    "due_on" TIMESTAMP(3) NOT NULL,
    "reminded_at" TIMESTAMP(3),
    "recipients" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "agreement_evaluations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "agreement_events" (
    "id" SERIAL NOT NULL,
    "agreement_id" INTEGER NOT NULL,
    "forum_id" INTEGER NOT NULL,
    "actor_id" INTEGER,
    "kind" TEXT NOT NULL,
    "details" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "agreement_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "village_profiles_forum_id_village_id_key" ON "village_profiles"("forum_id", "village_id");

-- CreateIndex
CREATE INDEX "village_enterprises_forum_id_village_id_idx" ON "village_enterprises"("forum_id", "village_id");

-- CreateIndex
CREATE INDEX "village_profile_changes_forum_id_village_id_created_at_idx" ON "village_profile_changes"("forum_id", "village_id", "created_at");

-- CreateIndex
CREATE INDEX "bursa_posts_forum_id_kind_status_idx" ON "bursa_posts"("forum_id", "kind", "status");

-- CreateIndex
CREATE INDEX "bursa_posts_forum_id_village_id_idx" ON "bursa_posts"("forum_id", "village_id");

-- CreateIndex
CREATE INDEX "bursa_matches_forum_id_created_at_idx" ON "bursa_matches"("forum_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "bursa_matches_need_id_offer_id_key" ON "bursa_matches"("need_id", "offer_id");

-- CreateIndex
CREATE INDEX "agreements_forum_id_status_idx" ON "agreements"("forum_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "agreements_forum_id_number_key" ON "agreements"("forum_id", "number");

-- CreateIndex
CREATE INDEX "agreement_parties_forum_id_village_id_idx" ON "agreement_parties"("forum_id", "village_id");

-- CreateIndex
CREATE INDEX "agreement_parties_agreement_id_idx" ON "agreement_parties"("agreement_id");

-- CreateIndex
CREATE INDEX "agreement_evaluations_agreement_id_idx" ON "agreement_evaluations"("agreement_id");

-- CreateIndex
CREATE INDEX "agreement_events_agreement_id_idx" ON "agreement_events"("agreement_id");

-- AddForeignKey
ALTER TABLE "agreement_parties" ADD CONSTRAINT "agreement_parties_agreement_id_fkey" FOREIGN KEY ("agreement_id") REFERENCES "agreements"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agreement_evaluations" ADD CONSTRAINT "agreement_evaluations_agreement_id_fkey" FOREIGN KEY ("agreement_id") REFERENCES "agreements"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agreement_events" ADD CONSTRAINT "agreement_events_agreement_id_fkey" FOREIGN KEY ("agreement_id") REFERENCES "agreements"("id") ON DELETE CASCADE ON UPDATE CASCADE;
