-- CreateEnum
CREATE TYPE "TopicState" AS ENUM ('open', 'closed');

-- CreateEnum
CREATE TYPE "RelayState" AS ENUM ('relayed', 'deleted', 'hidden');

-- CreateTable
CREATE TABLE "topics" (
    "id" SERIAL NOT NULL,
    "forum_id" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "all_villages" BOOLEAN NOT NULL DEFAULT true,
    "state" "TopicState" NOT NULL DEFAULT 'open',
    "ends_at" TIMESTAMP(3),
    "slow_mode_seconds" INTEGER NOT NULL DEFAULT 0,
    "created_by_id" INTEGER NOT NULL,
    "closed_by_id" INTEGER,
    "closed_at" TIMESTAMP(3),
    "close_note" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "topics_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "topic_villages" (
    "id" SERIAL NOT NULL,
    "topic_id" INTEGER NOT NULL,
    "village_id" INTEGER NOT NULL,

    CONSTRAINT "topic_villages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "topic_chats" (
    "id" SERIAL NOT NULL,
    "topic_id" INTEGER NOT NULL,
    "forum_id" INTEGER NOT NULL,
    "village_id" INTEGER,
    "chat_id" BIGINT NOT NULL,
    "thread_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "topic_chats_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "relay_messages" (
    "id" SERIAL NOT NULL,
    "forum_id" INTEGER NOT NULL,
    "topic_id" INTEGER NOT NULL,
    "author_id" INTEGER NOT NULL,
    "author_name" TEXT NOT NULL,
    "village_id" INTEGER,
    "source_chat_id" BIGINT NOT NULL,
    "source_message_id" INTEGER NOT NULL,
    "reply_to_id" INTEGER,
    "kind" TEXT NOT NULL,
    "text" TEXT,
    "entities" JSONB,
    "media" JSONB,
    "state" "RelayState" NOT NULL DEFAULT 'relayed',
    "moderated_by_id" INTEGER,
    "edited_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "relay_messages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "relay_digests" (
    "id" SERIAL NOT NULL,
    "forum_id" INTEGER NOT NULL,
    "topic_id" INTEGER NOT NULL,
    "chat_id" BIGINT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "relay_digests_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "relay_digest_items" (
    "id" SERIAL NOT NULL,
    "forum_id" INTEGER NOT NULL,
    "topic_id" INTEGER NOT NULL,
    "relay_id" INTEGER NOT NULL,
    "chat_id" BIGINT NOT NULL,
    "digest_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "relay_digest_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "relay_sends" (
    "id" BIGSERIAL NOT NULL,
    "forum_id" INTEGER NOT NULL,
    "chat_id" BIGINT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "relay_sends_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "discussion_mutes" (
    "id" SERIAL NOT NULL,
    "forum_id" INTEGER NOT NULL,
    "person_id" INTEGER NOT NULL,
    "until" TIMESTAMP(3) NOT NULL,
    "reason" TEXT,
    "created_by_id" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL,
    "lifted_at" TIMESTAMP(3),
    "lifted_by_id" INTEGER,
    "last_notice_at" TIMESTAMP(3),

    CONSTRAINT "discussion_mutes_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "topics_forum_id_state_idx" ON "topics"("forum_id", "state");

-- CreateIndex
CREATE UNIQUE INDEX "topic_villages_topic_id_village_id_key" ON "topic_villages"("topic_id", "village_id");

-- CreateIndex
CREATE INDEX "topic_chats_chat_id_idx" ON "topic_chats"("chat_id");

-- CreateIndex
CREATE UNIQUE INDEX "topic_chats_topic_id_chat_id_key" ON "topic_chats"("topic_id", "chat_id");

-- CreateIndex
CREATE INDEX "relay_messages_topic_id_id_idx" ON "relay_messages"("topic_id", "id");

-- CreateIndex
CREATE INDEX "relay_messages_forum_id_author_id_idx" ON "relay_messages"("forum_id", "author_id");

-- CreateIndex
CREATE UNIQUE INDEX "relay_messages_source_chat_id_source_message_id_key" ON "relay_messages"("source_chat_id", "source_message_id");

-- CreateIndex
CREATE INDEX "relay_digests_topic_id_idx" ON "relay_digests"("topic_id");

-- CreateIndex
CREATE INDEX "relay_digest_items_chat_id_digest_id_idx" ON "relay_digest_items"("chat_id", "digest_id");

-- CreateIndex
CREATE INDEX "relay_digest_items_relay_id_idx" ON "relay_digest_items"("relay_id");

-- CreateIndex
CREATE INDEX "relay_digest_items_digest_id_idx" ON "relay_digest_items"("digest_id");

-- CreateIndex
CREATE INDEX "relay_sends_chat_id_at_idx" ON "relay_sends"("chat_id", "at");

-- CreateIndex
CREATE INDEX "discussion_mutes_forum_id_person_id_idx" ON "discussion_mutes"("forum_id", "person_id");

-- AddForeignKey
ALTER TABLE "topic_villages" ADD CONSTRAINT "topic_villages_topic_id_fkey" FOREIGN KEY ("topic_id") REFERENCES "topics"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "topic_chats" ADD CONSTRAINT "topic_chats_topic_id_fkey" FOREIGN KEY ("topic_id") REFERENCES "topics"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "relay_messages" ADD CONSTRAINT "relay_messages_topic_id_fkey" FOREIGN KEY ("topic_id") REFERENCES "topics"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "relay_digest_items" ADD CONSTRAINT "relay_digest_items_relay_id_fkey" FOREIGN KEY ("relay_id") REFERENCES "relay_messages"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "relay_digest_items" ADD CONSTRAINT "relay_digest_items_digest_id_fkey" FOREIGN KEY ("digest_id") REFERENCES "relay_digests"("id") ON DELETE SET NULL ON UPDATE CASCADE;
