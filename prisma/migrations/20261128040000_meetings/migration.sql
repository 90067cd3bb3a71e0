-- CreateEnum
CREATE TYPE "MeetingKind" AS ENUM ('musdes', 'musrenbangdes', 'mad', 'rakor', 'lainnya');

-- CreateEnum
CREATE TYPE "MeetingStatus" AS ENUM ('scheduled', 'cancelled');

-- CreateEnum
CREATE TYPE "QuorumRule" AS ENUM ('two_thirds', 'half_plus_one', 'two_thirds_villages', 'all_villages');

-- CreateEnum
CREATE TYPE "Rsvp" AS ENUM ('pending', 'yes', 'no', 'delegate');

-- CreateEnum
CREATE TYPE "InviteeSource" AS ENUM ('official', 'bpd', 'named', 'group', 'walk_in');

-- CreateTable
CREATE TABLE "meetings" (
    "id" SERIAL NOT NULL,
    "forum_id" INTEGER NOT NULL,
    "organizer_id" INTEGER NOT NULL,
    "village_id" INTEGER,
    "kind" "MeetingKind" NOT NULL,
    "title" TEXT NOT NULL,
    "agenda" JSONB NOT NULL DEFAULT '[]',
    "starts_at" TIMESTAMP(3) NOT NULL,
    "ends_at" TIMESTAMP(3) NOT NULL,
    "place" TEXT,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "rsvp_deadline" TIMESTAMP(3),
    "quorum_rule" "QuorumRule" NOT NULL DEFAULT 'two_thirds',
    "reminder_minutes" JSONB NOT NULL DEFAULT '[1440, 120]',
    "audience" JSONB NOT NULL DEFAULT '{}',
    "recurrence" JSONB,
    "series_id" INTEGER,
    "status" "MeetingStatus" NOT NULL DEFAULT 'scheduled',
    "open_check_in" BOOLEAN NOT NULL DEFAULT false,
    "sequence" INTEGER NOT NULL DEFAULT 0,
    "counts_pending" BOOLEAN NOT NULL DEFAULT false,
    "quorum_reached_at" TIMESTAMP(3),
    "cancel_reason" TEXT,
    "cancelled_at" TIMESTAMP(3),
    "minutes_text" TEXT,
    "minutes_file_id" TEXT,
    "minutes_file_name" TEXT,
    "decisions" TEXT,
    "minutes_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "meetings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "meeting_villages" (
    "id" SERIAL NOT NULL,
    "meeting_id" INTEGER NOT NULL,
    "forum_id" INTEGER NOT NULL,
    "village_id" INTEGER NOT NULL,
    "via_group" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "meeting_villages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "meeting_invitees" (
    "id" SERIAL NOT NULL,
    "meeting_id" INTEGER NOT NULL,
    "forum_id" INTEGER NOT NULL,
    "person_id" INTEGER NOT NULL,
    "village_id" INTEGER,
    "source" "InviteeSource" NOT NULL,
    "rsvp" "Rsvp" NOT NULL DEFAULT 'pending',
    "rsvp_at" TIMESTAMP(3),
    "delegate_name" TEXT,
    "checked_in_at" TIMESTAMP(3),
    "checked_in_by_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "meeting_invitees_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "meeting_reminders" (
    "id" BIGSERIAL NOT NULL,
    "meeting_id" INTEGER NOT NULL,
    "forum_id" INTEGER NOT NULL,
    "job_id" BIGINT NOT NULL,
    "minutes_before" INTEGER NOT NULL,
    "due_at" TIMESTAMP(3) NOT NULL,
    "fired_at" TIMESTAMP(3) NOT NULL,
    "late_ms" INTEGER NOT NULL,
    "outcome" TEXT NOT NULL,
    "recipients" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "meeting_reminders_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "meetings_forum_id_starts_at_idx" ON "meetings"("forum_id", "starts_at");

-- CreateIndex
CREATE INDEX "meetings_series_id_idx" ON "meetings"("series_id");

-- CreateIndex
CREATE INDEX "meeting_villages_forum_id_village_id_idx" ON "meeting_villages"("forum_id", "village_id");

-- CreateIndex
CREATE UNIQUE INDEX "meeting_villages_meeting_id_village_id_key" ON "meeting_villages"("meeting_id", "village_id");

-- CreateIndex
CREATE INDEX "meeting_invitees_forum_id_person_id_idx" ON "meeting_invitees"("forum_id", "person_id");

-- CreateIndex
CREATE UNIQUE INDEX "meeting_invitees_meeting_id_person_id_key" ON "meeting_invitees"("meeting_id", "person_id");

-- CreateIndex
CREATE UNIQUE INDEX "meeting_reminders_job_id_key" ON "meeting_reminders"("job_id");

-- CreateIndex
CREATE INDEX "meeting_reminders_meeting_id_idx" ON "meeting_reminders"("meeting_id");

-- AddForeignKey
ALTER TABLE "meeting_villages" ADD CONSTRAINT "meeting_villages_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_invitees" ADD CONSTRAINT "meeting_invitees_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_reminders" ADD CONSTRAINT "meeting_reminders_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE CASCADE;
