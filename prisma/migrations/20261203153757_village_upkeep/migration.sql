-- AlterTable
ALTER TABLE "villages" ADD COLUMN     "merged_into_id" INTEGER,
ADD COLUMN     "retired_at" TIMESTAMP(3);
