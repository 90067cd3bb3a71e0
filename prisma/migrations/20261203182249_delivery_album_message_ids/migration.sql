-- AlterTable
ALTER TABLE "deliveries" ADD COLUMN     "album_message_ids" INTEGER[] DEFAULT ARRAY[]::INTEGER[];
