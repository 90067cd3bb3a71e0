-- AlterTable
ALTER TABLE "relay_messages" ADD COLUMN     "edit_release_at" TIMESTAMP(3);
