-- AlterTable
ALTER TABLE "meetings" ADD COLUMN     "check_in_token" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "meetings_check_in_token_key" ON "meetings"("check_in_token");
