-- AlterTable
ALTER TABLE "broadcasts" ADD COLUMN     "media_items" JSONB;
