-- CreateEnum
CREATE TYPE "Role" AS ENUM ('warga', 'perangkat_desa', 'moderator', 'admin_forum', 'mitra');

-- CreateEnum
CREATE TYPE "ChatKind" AS ENUM ('village_group', 'kecamatan_group', 'officials_group');

-- CreateEnum
CREATE TYPE "DeliveryState" AS ENUM ('queued', 'sending', 'sent', 'failed', 'cancelled', 'unknown');

-- CreateTable
CREATE TABLE "forums" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "timezone" TEXT NOT NULL DEFAULT 'Asia/Jakarta',
    "settings" JSONB NOT NULL DEFAULT '{}',
    "created_by_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "forums_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "villages" (
    "id" SERIAL NOT NULL,
    "forum_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "short_code" TEXT NOT NULL,
    "kemendagri_code" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "villages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "chat_links" (
    "id" SERIAL NOT NULL,
    "forum_id" INTEGER NOT NULL,
    "village_id" INTEGER,
    "telegram_chat_id" BIGINT NOT NULL,
    "kind" "ChatKind" NOT NULL DEFAULT 'village_group',
    "title" TEXT NOT NULL,
    "is_forum" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "inactive_reason" TEXT,
    "linked_by_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "chat_links_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "persons" (
    "id" SERIAL NOT NULL,
    "telegram_user_id" BIGINT NOT NULL,
    "first_name" TEXT NOT NULL,
    "last_name" TEXT,
    "username" TEXT,
    "language" TEXT NOT NULL DEFAULT 'id',
    "can_message" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "persons_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "memberships" (
    "id" SERIAL NOT NULL,
    "person_id" INTEGER NOT NULL,
    "forum_id" INTEGER NOT NULL,
    "village_id" INTEGER,
    "role" "Role" NOT NULL,
    "title" TEXT,
    "granted_by_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "memberships_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "invites" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "forum_id" INTEGER NOT NULL,
    "village_id" INTEGER,
    "role" "Role" NOT NULL,
    "purpose" TEXT NOT NULL DEFAULT 'role',
    "created_by_id" INTEGER NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "used_by_id" INTEGER,
    "used_at" TIMESTAMP(3),
    "revoked_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "invites_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_logs" (
    "id" BIGSERIAL NOT NULL,
    "forum_id" INTEGER,
    "actor_id" INTEGER,
    "action" TEXT NOT NULL,
    "target" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_logs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "delivery_batches" (
    "id" SERIAL NOT NULL,
    "forum_id" INTEGER,
    "owner_kind" TEXT NOT NULL,
    "owner_id" TEXT NOT NULL,
    "total" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "delivery_batches_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "deliveries" (
    "id" BIGSERIAL NOT NULL,
    "batch_id" INTEGER NOT NULL,
    "forum_id" INTEGER,
    "owner_kind" TEXT NOT NULL,
    "owner_id" TEXT NOT NULL,
    "recipient_key" TEXT,
    "chat_id" BIGINT NOT NULL,
    "payload" JSONB NOT NULL,
    "state" "DeliveryState" NOT NULL DEFAULT 'queued',
    "priority" INTEGER NOT NULL DEFAULT 0,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimed_at" TIMESTAMP(3),
    "claimed_by" TEXT,
    "last_error" TEXT,
    "error_kind" TEXT,
    "telegram_message_id" INTEGER,
    "sent_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "jobs" (
    "id" BIGSERIAL NOT NULL,
    "forum_id" INTEGER,
    "kind" TEXT NOT NULL,
    "owner_id" TEXT NOT NULL,
    "due_at" TIMESTAMP(3) NOT NULL,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "claimed_at" TIMESTAMP(3),
    "claimed_by" TEXT,
    "done_at" TIMESTAMP(3),
    "cancelled_at" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "jobs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "villages_forum_id_name_key" ON "villages"("forum_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "villages_forum_id_short_code_key" ON "villages"("forum_id", "short_code");

-- CreateIndex
CREATE UNIQUE INDEX "chat_links_telegram_chat_id_key" ON "chat_links"("telegram_chat_id");

-- CreateIndex
CREATE INDEX "chat_links_forum_id_active_idx" ON "chat_links"("forum_id", "active");

-- CreateIndex
CREATE UNIQUE INDEX "persons_telegram_user_id_key" ON "persons"("telegram_user_id");

-- CreateIndex
CREATE INDEX "memberships_forum_id_role_idx" ON "memberships"("forum_id", "role");

-- CreateIndex
CREATE INDEX "memberships_person_id_idx" ON "memberships"("person_id");

-- CreateIndex
CREATE UNIQUE INDEX "invites_code_key" ON "invites"("code");

-- CreateIndex
CREATE INDEX "invites_forum_id_idx" ON "invites"("forum_id");

-- CreateIndex
CREATE INDEX "audit_logs_forum_id_created_at_idx" ON "audit_logs"("forum_id", "created_at");

-- CreateIndex
CREATE INDEX "delivery_batches_owner_kind_owner_id_idx" ON "delivery_batches"("owner_kind", "owner_id");

-- CreateIndex
CREATE INDEX "deliveries_state_next_attempt_at_idx" ON "deliveries"("state", "next_attempt_at");

-- CreateIndex
CREATE INDEX "deliveries_owner_kind_owner_id_idx" ON "deliveries"("owner_kind", "owner_id");

-- CreateIndex
CREATE INDEX "deliveries_batch_id_state_idx" ON "deliveries"("batch_id", "state");

-- CreateIndex
CREATE INDEX "deliveries_chat_id_telegram_message_id_idx" ON "deliveries"("chat_id", "telegram_message_id");

-- CreateIndex
CREATE INDEX "jobs_done_at_cancelled_at_due_at_idx" ON "jobs"("done_at", "cancelled_at", "due_at");

-- CreateIndex
CREATE INDEX "jobs_kind_owner_id_idx" ON "jobs"("kind", "owner_id");

-- AddForeignKey
ALTER TABLE "villages" ADD CONSTRAINT "villages_forum_id_fkey" FOREIGN KEY ("forum_id") REFERENCES "forums"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "chat_links" ADD CONSTRAINT "chat_links_forum_id_fkey" FOREIGN KEY ("forum_id") REFERENCES "forums"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "chat_links" ADD CONSTRAINT "chat_links_village_id_fkey" FOREIGN KEY ("village_id") REFERENCES "villages"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "persons"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_forum_id_fkey" FOREIGN KEY ("forum_id") REFERENCES "forums"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_village_id_fkey" FOREIGN KEY ("village_id") REFERENCES "villages"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invites" ADD CONSTRAINT "invites_forum_id_fkey" FOREIGN KEY ("forum_id") REFERENCES "forums"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invites" ADD CONSTRAINT "invites_village_id_fkey" FOREIGN KEY ("village_id") REFERENCES "villages"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_batch_id_fkey" FOREIGN KEY ("batch_id") REFERENCES "delivery_batches"("id") ON DELETE CASCADE ON UPDATE CASCADE;
