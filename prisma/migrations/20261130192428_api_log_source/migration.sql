-- CreateEnum
CREATE TYPE "ApiCallSource" AS ENUM ('app', 'shop', 'callback');

-- AlterTable
ALTER TABLE "ApiCallLog" ADD COLUMN     "source" "ApiCallSource" NOT NULL DEFAULT 'app';

-- CreateIndex
CREATE INDEX "ApiCallLog_requestId_idx" ON "ApiCallLog"("requestId");

-- CreateIndex
CREATE INDEX "ApiCallLog_contextId_idx" ON "ApiCallLog"("contextId");
