-- AlterEnum
ALTER TYPE "MoneyOperationState" ADD VALUE 'awaiting_approval';

-- AlterTable
ALTER TABLE "MoneyOperation" ADD COLUMN     "decidedAt" TIMESTAMPTZ(3),
ADD COLUMN     "decidedById" UUID,
ADD COLUMN     "decidedByName" VARCHAR(200);

-- AlterTable
ALTER TABLE "SalesUnit" ADD COLUMN     "approvalThresholdOre" INTEGER,
ADD COLUMN     "releaseNeedsApproval" BOOLEAN NOT NULL DEFAULT false;
