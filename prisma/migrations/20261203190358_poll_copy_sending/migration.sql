-- AlterEnum
ALTER TYPE "VotePollCopyState" ADD VALUE 'sending';
