-- CreateEnum
CREATE TYPE "SpikeNotifyState" AS ENUM ('pending', 'sending', 'sent', 'failed', 'skipped');

-- CreateTable
CREATE TABLE "SpikeAlert" (
    "id" UUID NOT NULL,
    "openKey" VARCHAR(80),
    "msn" VARCHAR(10) NOT NULL,
    "environment" "Environment" NOT NULL,
    "operation" VARCHAR(40) NOT NULL,
    "openedAt" TIMESTAMPTZ(3) NOT NULL,
    "closedAt" TIMESTAMPTZ(3),
    "calls" INTEGER NOT NULL,
    "errors" INTEGER NOT NULL,
    "baselineRate" DOUBLE PRECISION NOT NULL,
    "baselineCalls" INTEGER NOT NULL,
    "peakRate" DOUBLE PRECISION NOT NULL,
    "lastRate" DOUBLE PRECISION NOT NULL,
    "notifyState" "SpikeNotifyState" NOT NULL DEFAULT 'pending',
    "notifyReason" VARCHAR(20),
    "notifyStatus" INTEGER,
    "notifiedAt" TIMESTAMPTZ(3),

    CONSTRAINT "SpikeAlert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SpikeWebhook" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "urlEncrypted" TEXT,
    "urlSetAt" TIMESTAMPTZ(3),
    "urlSetById" UUID,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "cooldownMinutes" INTEGER NOT NULL DEFAULT 30,
    "locale" VARCHAR(5) NOT NULL DEFAULT 'nb',
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SpikeWebhook_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SpikeAlert_openKey_key" ON "SpikeAlert"("openKey");

-- CreateIndex
CREATE INDEX "SpikeAlert_openedAt_idx" ON "SpikeAlert"("openedAt");

-- CreateIndex
CREATE INDEX "SpikeAlert_msn_environment_operation_notifiedAt_idx" ON "SpikeAlert"("msn", "environment", "operation", "notifiedAt");
