-- AlterTable
ALTER TABLE "SpikeAlert" ADD COLUMN     "notifyRetryAt" TIMESTAMPTZ(3),
ADD COLUMN     "notifyTries" INTEGER NOT NULL DEFAULT 0;
