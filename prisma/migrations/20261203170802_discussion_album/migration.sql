-- AlterTable
ALTER TABLE "relay_messages" ADD COLUMN     "album_pending" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "media_group_id" TEXT;

-- CreateIndex
CREATE INDEX "relay_messages_source_chat_id_media_group_id_idx" ON "relay_messages"("source_chat_id", "media_group_id");
