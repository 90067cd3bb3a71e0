-- AlterTable
ALTER TABLE "broadcasts" ADD COLUMN     "deleted_at" TIMESTAMP(3),
ADD COLUMN     "edited_at" TIMESTAMP(3);
