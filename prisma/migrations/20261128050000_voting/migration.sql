-- CreateEnum
CREATE TYPE "VoteKind" AS ENUM ('formal', 'quick');

-- CreateEnum
CREATE TYPE "VoteBallot" AS ENUM ('terbuka', 'rahasia');

-- CreateEnum
CREATE TYPE "VoteCounting" AS ENUM ('per_orang', 'satu_desa');

-- CreateEnum
CREATE TYPE "VoteEligibility" AS ENUM ('anggota_grup', 'warga_terdaftar', 'perangkat_desa');

-- CreateEnum
CREATE TYPE "VoteState" AS ENUM ('open', 'closed');

-- CreateEnum
CREATE TYPE "VotePollCopyState" AS ENUM ('pending', 'sent', 'failed', 'stopped');

-- CreateTable
CREATE TABLE "votes" (
    "id" SERIAL NOT NULL,
    "forum_id" INTEGER NOT NULL,
    "kind" "VoteKind" NOT NULL DEFAULT 'formal',
    "created_by_id" INTEGER NOT NULL,
    "question" TEXT NOT NULL,
    "options" TEXT[],
    "multiple" BOOLEAN NOT NULL DEFAULT false,
    "ballot" "VoteBallot" NOT NULL DEFAULT 'terbuka',
    "counting" "VoteCounting" NOT NULL DEFAULT 'per_orang',
    "eligibility" "VoteEligibility" NOT NULL DEFAULT 'anggota_grup',
    "closes_at" TIMESTAMP(3),
    "quorum_percent" INTEGER,
    "reminder_minutes" INTEGER[],
    "state" "VoteState" NOT NULL DEFAULT 'open',
    "refresh_requested_at" TIMESTAMP(3),
    "closed_at" TIMESTAMP(3),
    "closed_by_id" INTEGER,
    "result" JSONB,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "votes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "vote_villages" (
    "id" SERIAL NOT NULL,
    "vote_id" INTEGER NOT NULL,
    "forum_id" INTEGER NOT NULL,
    "village_id" INTEGER NOT NULL,
    "member_count" INTEGER,

    CONSTRAINT "vote_villages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "vote_participations" (
    "id" SERIAL NOT NULL,
    "vote_id" INTEGER NOT NULL,
    "forum_id" INTEGER NOT NULL,
    "person_id" INTEGER NOT NULL,
    "village_id" INTEGER NOT NULL,
    "choices" INTEGER[],
    "voted_at" TIMESTAMP(3),

    CONSTRAINT "vote_participations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "vote_tallies" (
    "vote_id" INTEGER NOT NULL,
    "forum_id" INTEGER NOT NULL,
    "village_id" INTEGER NOT NULL,
    "option" INTEGER NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "vote_tallies_pkey" PRIMARY KEY ("vote_id","village_id","option")
);

-- CreateTable
CREATE TABLE "vote_poll_copies" (
    "id" SERIAL NOT NULL,
    "vote_id" INTEGER NOT NULL,
    "forum_id" INTEGER NOT NULL,
    "village_id" INTEGER NOT NULL,
    "chat_id" BIGINT NOT NULL,
    "state" "VotePollCopyState" NOT NULL DEFAULT 'pending',
    "poll_id" TEXT,
    "message_id" INTEGER,
    "counts" INTEGER[],
    "voters" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,

    CONSTRAINT "vote_poll_copies_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "votes_forum_id_state_idx" ON "votes"("forum_id", "state");

-- CreateIndex
CREATE UNIQUE INDEX "vote_villages_vote_id_village_id_key" ON "vote_villages"("vote_id", "village_id");

-- CreateIndex
CREATE INDEX "vote_participations_vote_id_village_id_idx" ON "vote_participations"("vote_id", "village_id");

-- CreateIndex
CREATE UNIQUE INDEX "vote_participations_vote_id_person_id_key" ON "vote_participations"("vote_id", "person_id");

-- CreateIndex
CREATE UNIQUE INDEX "vote_poll_copies_poll_id_key" ON "vote_poll_copies"("poll_id");

-- CreateIndex
CREATE UNIQUE INDEX "vote_poll_copies_vote_id_chat_id_key" ON "vote_poll_copies"("vote_id", "chat_id");

-- AddForeignKey
ALTER TABLE "vote_villages" ADD CONSTRAINT "vote_villages_vote_id_fkey" FOREIGN KEY ("vote_id") REFERENCES "votes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "vote_participations" ADD CONSTRAINT "vote_participations_vote_id_fkey" FOREIGN KEY ("vote_id") REFERENCES "votes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "vote_tallies" ADD CONSTRAINT "vote_tallies_vote_id_fkey" FOREIGN KEY ("vote_id") REFERENCES "votes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "vote_poll_copies" ADD CONSTRAINT "vote_poll_copies_vote_id_fkey" FOREIGN KEY ("vote_id") REFERENCES "votes"("id") ON DELETE CASCADE ON UPDATE CASCADE;
