-- AlterTable
ALTER TABLE "SalesUnit" ADD COLUMN     "callbackAuthTokenSetAt" TIMESTAMPTZ(3),
ADD COLUMN     "callbackAuthTokenSetById" UUID,
ADD COLUMN     "credentialsSetAt" TIMESTAMPTZ(3),
ADD COLUMN     "credentialsSetById" UUID,
ADD COLUMN     "partnerKeyId" UUID;

-- CreateTable
CREATE TABLE "PartnerKey" (
    "id" UUID NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "environment" "Environment" NOT NULL,
    "credentialsEncrypted" TEXT NOT NULL,
    "credentialsSetAt" TIMESTAMPTZ(3) NOT NULL,
    "credentialsSetById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PartnerKey_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PartnerKey_name_key" ON "PartnerKey"("name");

-- CreateIndex
CREATE INDEX "SalesUnit_partnerKeyId_idx" ON "SalesUnit"("partnerKeyId");

-- AddForeignKey
ALTER TABLE "SalesUnit" ADD CONSTRAINT "SalesUnit_partnerKeyId_fkey" FOREIGN KEY ("partnerKeyId") REFERENCES "PartnerKey"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
