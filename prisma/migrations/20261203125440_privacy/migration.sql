-- AlterTable
ALTER TABLE "forums" ADD COLUMN     "privacy_version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "persons" ADD COLUMN     "erased_at" TIMESTAMP(3),
ADD COLUMN     "privacy_answered_at" TIMESTAMP(3),
ADD COLUMN     "privacy_consent" TEXT,
ADD COLUMN     "privacy_version" TEXT;

-- CreateTable
CREATE TABLE "privacy_consents" (
    "id" SERIAL NOT NULL,
    "person_id" INTEGER NOT NULL,
    "answer" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "privacy_consents_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "privacy_consents_person_id_idx" ON "privacy_consents"("person_id");

-- CreateIndex
CREATE INDEX "audit_logs_actor_id_idx" ON "audit_logs"("actor_id");

-- CreateIndex
CREATE INDEX "audit_logs_target_idx" ON "audit_logs"("target");

-- Data: names are kept only with consent to the privacy notice (UU PDP). Nobody has answered it
-- yet, so every name goes back to "Warga"; each person's own Telegram name returns when they agree.
UPDATE "persons" SET "first_name" = 'Warga', "last_name" = NULL, "username" = NULL WHERE "privacy_consent" IS NULL;
