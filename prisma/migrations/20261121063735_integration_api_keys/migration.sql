-- CreateTable
CREATE TABLE "IntegrationApiKey" (
    "id" UUID NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "keyHash" VARCHAR(64) NOT NULL,
    "prefix" VARCHAR(20) NOT NULL,
    "allSalesUnits" BOOLEAN NOT NULL DEFAULT false,
    "msns" VARCHAR(10)[],
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMPTZ(3),
    "lastUsedAt" TIMESTAMPTZ(3),

    CONSTRAINT "IntegrationApiKey_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "IntegrationApiKey_keyHash_key" ON "IntegrationApiKey"("keyHash");

-- CreateIndex
CREATE INDEX "IntegrationApiKey_createdAt_idx" ON "IntegrationApiKey"("createdAt");
