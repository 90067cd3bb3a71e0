-- AlterTable
ALTER TABLE "forums" ADD COLUMN     "council_term" TEXT NOT NULL DEFAULT 'BPD',
ADD COLUMN     "village_term" TEXT NOT NULL DEFAULT 'desa';

-- AlterTable
ALTER TABLE "invites" ADD COLUMN     "title" TEXT;

-- AlterTable
ALTER TABLE "meetings" ADD COLUMN     "chair_name" TEXT,
ADD COLUMN     "chair_title" TEXT,
ADD COLUMN     "decision_method" TEXT,
ADD COLUMN     "secretary_name" TEXT,
ADD COLUMN     "votes_abstain" INTEGER,
ADD COLUMN     "votes_against" INTEGER,
ADD COLUMN     "votes_for" INTEGER;

-- AlterTable
ALTER TABLE "votes" ADD COLUMN     "quorum_above" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "quorum_den" INTEGER,
ADD COLUMN     "quorum_num" INTEGER;

-- Quorum percents become exact fractions: the "2/3 (67%)" button stored 67, which meant 2/3.
UPDATE "votes" SET "quorum_num" = 2, "quorum_den" = 3 WHERE "quorum_percent" = 67;
UPDATE "votes" SET "quorum_num" = "quorum_percent", "quorum_den" = 100 WHERE "quorum_percent" IS NOT NULL AND "quorum_percent" <> 67;

-- AlterTable
ALTER TABLE "votes" DROP COLUMN "quorum_percent";
