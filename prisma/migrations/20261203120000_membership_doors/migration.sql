-- CreateEnum
CREATE TYPE "MembershipSource" AS ENUM ('founder', 'code', 'admin', 'group', 'claim');

-- CreateEnum
CREATE TYPE "ClaimState" AS ENUM ('pending', 'confirmed', 'rejected', 'withdrawn');

-- AlterTable
ALTER TABLE "invites" ADD COLUMN     "revoke_reason" TEXT,
ADD COLUMN     "revoked_by_id" INTEGER;

-- AlterTable
ALTER TABLE "memberships" ADD COLUMN     "confirmed_at" TIMESTAMP(3),
ADD COLUMN     "invite_id" INTEGER,
ADD COLUMN     "source" "MembershipSource" NOT NULL DEFAULT 'code';

-- AlterTable
ALTER TABLE "villages" ADD COLUMN     "report_key" TEXT;

-- CreateTable
CREATE TABLE "village_claims" (
    "id" SERIAL NOT NULL,
    "forum_id" INTEGER NOT NULL,
    "village_id" INTEGER NOT NULL,
    "person_id" INTEGER NOT NULL,
    "state" "ClaimState" NOT NULL DEFAULT 'pending',
    "decided_by_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decided_at" TIMESTAMP(3),

    CONSTRAINT "village_claims_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "village_claims_forum_id_village_id_state_idx" ON "village_claims"("forum_id", "village_id", "state");

-- CreateIndex
CREATE INDEX "village_claims_person_id_idx" ON "village_claims"("person_id");

-- CreateIndex
CREATE INDEX "invites_forum_id_created_by_id_idx" ON "invites"("forum_id", "created_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "villages_report_key_key" ON "villages"("report_key");

-- Data: where each existing membership came from. Residents the bot once enrolled by itself (an
-- aspiration, a tap on /desaku) had no grantor: they become group memberships never confirmed, so
-- Telegram is asked at their next step and they are dropped if they are not in the village's group.
UPDATE "memberships" SET "source" = 'founder' WHERE "granted_by_id" = "person_id" AND "role" = 'admin_forum';
UPDATE "memberships" SET "source" = 'group' WHERE "granted_by_id" IS NULL AND "role" = 'warga';
UPDATE "memberships" m SET "source" = 'admin'
 WHERE m."granted_by_id" IS NOT NULL AND m."granted_by_id" <> m."person_id"
   AND NOT EXISTS (SELECT 1 FROM "invites" i WHERE i."used_by_id" = m."person_id" AND i."forum_id" = m."forum_id" AND i."role" = m."role" AND i."purpose" = 'role');

-- Data: the aspirasi link of every village gets an unguessable key.
UPDATE "villages" SET "report_key" = substr(md5(random()::text || "id"::text || clock_timestamp()::text), 1, 12) WHERE "report_key" IS NULL;

-- Data: names lose bidi controls and zero-width characters (they could reorder a relay header).
UPDATE "persons" SET "first_name" = COALESCE(NULLIF(btrim(regexp_replace("first_name", E'[\\u0000-\\u001F\\u007F-\\u009F\\u00AD\\u061C\\u180E\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u206F\\uFEFF]', '', 'g')), ''), 'Warga'),
  "last_name" = NULLIF(btrim(regexp_replace(COALESCE("last_name", ''), E'[\\u0000-\\u001F\\u007F-\\u009F\\u00AD\\u061C\\u180E\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u206F\\uFEFF]', '', 'g')), '');
