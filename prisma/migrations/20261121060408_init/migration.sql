-- CreateEnum
CREATE TYPE "Role" AS ENUM ('admin', 'finance', 'support', 'developer');

-- CreateEnum
CREATE TYPE "Environment" AS ENUM ('simulator', 'test', 'production');

-- CreateEnum
CREATE TYPE "CaptureType" AS ENUM ('reserve', 'direct');

-- CreateEnum
CREATE TYPE "PaymentStatus" AS ENUM ('initiated', 'reserved', 'partially_captured', 'captured', 'partially_refunded', 'refunded', 'cancelled', 'voided', 'failed');

-- CreateEnum
CREATE TYPE "MoneyOperationKind" AS ENUM ('capture', 'cancel', 'release', 'refund');

-- CreateEnum
CREATE TYPE "MoneyOperationState" AS ENUM ('pending', 'succeeded', 'failed', 'unknown');

-- CreateTable
CREATE TABLE "SalesUnit" (
    "id" UUID NOT NULL,
    "msn" VARCHAR(10) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "environment" "Environment" NOT NULL,
    "captureType" "CaptureType" NOT NULL DEFAULT 'reserve',
    "credentialsEncrypted" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SalesUnit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Payment" (
    "id" UUID NOT NULL,
    "msn" VARCHAR(10) NOT NULL,
    "orderId" VARCHAR(50) NOT NULL,
    "status" "PaymentStatus" NOT NULL DEFAULT 'initiated',
    "amount" INTEGER NOT NULL,
    "reservedAmount" INTEGER NOT NULL DEFAULT 0,
    "capturedAmount" INTEGER NOT NULL DEFAULT 0,
    "refundedAmount" INTEGER NOT NULL DEFAULT 0,
    "remainingToCapture" INTEGER NOT NULL DEFAULT 0,
    "remainingToRefund" INTEGER NOT NULL DEFAULT 0,
    "transactionText" VARCHAR(100),
    "bankIdentificationNumber" INTEGER,
    "initiatedAt" TIMESTAMPTZ(3),
    "reservedAt" TIMESTAMPTZ(3),
    "lastSyncedAt" TIMESTAMPTZ(3),
    "nextPollAt" TIMESTAMPTZ(3),
    "pollAttempts" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Payment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PaymentEvent" (
    "id" BIGSERIAL NOT NULL,
    "paymentId" UUID NOT NULL,
    "fingerprint" VARCHAR(64) NOT NULL,
    "operation" VARCHAR(20) NOT NULL,
    "amount" INTEGER NOT NULL,
    "transactionId" VARCHAR(40),
    "transactionText" VARCHAR(100),
    "requestId" VARCHAR(40),
    "operationSuccess" BOOLEAN NOT NULL,
    "timeStamp" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PaymentEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiCallLog" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "msn" VARCHAR(10),
    "environment" "Environment" NOT NULL,
    "operation" VARCHAR(40) NOT NULL,
    "method" VARCHAR(8) NOT NULL,
    "path" VARCHAR(200) NOT NULL,
    "orderId" VARCHAR(50),
    "httpStatus" INTEGER,
    "errorGroup" VARCHAR(40),
    "errorCode" VARCHAR(40),
    "errorMessage" TEXT,
    "contextId" VARCHAR(100),
    "networkError" VARCHAR(200),
    "durationMs" INTEGER NOT NULL,
    "attempt" INTEGER NOT NULL DEFAULT 1,
    "requestId" VARCHAR(40),
    "requestBody" JSONB,
    "responseBody" JSONB,

    CONSTRAINT "ApiCallLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "email" VARCHAR(254) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "role" "Role" NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "canViewPayments" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UserSalesUnit" (
    "userId" UUID NOT NULL,
    "salesUnitId" UUID NOT NULL,

    CONSTRAINT "UserSalesUnit_pkey" PRIMARY KEY ("userId","salesUnitId")
);

-- CreateTable
CREATE TABLE "LoginThrottle" (
    "email" VARCHAR(254) NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "windowStartsAt" TIMESTAMPTZ(3) NOT NULL,
    "lockedUntil" TIMESTAMPTZ(3),

    CONSTRAINT "LoginThrottle_pkey" PRIMARY KEY ("email")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "userId" UUID,
    "userEmail" VARCHAR(254),
    "action" VARCHAR(60) NOT NULL,
    "outcome" VARCHAR(20) NOT NULL,
    "msn" VARCHAR(10),
    "orderId" VARCHAR(50),
    "details" JSONB,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MoneyOperation" (
    "id" UUID NOT NULL,
    "idempotencyKey" VARCHAR(100) NOT NULL,
    "xRequestId" VARCHAR(40) NOT NULL,
    "paymentId" UUID NOT NULL,
    "msn" VARCHAR(10) NOT NULL,
    "orderId" VARCHAR(50) NOT NULL,
    "kind" "MoneyOperationKind" NOT NULL,
    "amount" INTEGER,
    "requestHash" VARCHAR(64) NOT NULL,
    "state" "MoneyOperationState" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "errorCode" VARCHAR(40),
    "errorMessage" TEXT,
    "responseBody" JSONB,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMPTZ(3),

    CONSTRAINT "MoneyOperation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SalesUnit_msn_key" ON "SalesUnit"("msn");

-- CreateIndex
CREATE INDEX "Payment_orderId_idx" ON "Payment"("orderId");

-- CreateIndex
CREATE INDEX "Payment_msn_createdAt_idx" ON "Payment"("msn", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Payment_msn_status_createdAt_idx" ON "Payment"("msn", "status", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Payment_nextPollAt_idx" ON "Payment"("nextPollAt");

-- CreateIndex
CREATE UNIQUE INDEX "Payment_msn_orderId_key" ON "Payment"("msn", "orderId");

-- CreateIndex
CREATE INDEX "PaymentEvent_paymentId_timeStamp_idx" ON "PaymentEvent"("paymentId", "timeStamp" DESC);

-- CreateIndex
CREATE INDEX "PaymentEvent_transactionId_idx" ON "PaymentEvent"("transactionId");

-- CreateIndex
CREATE UNIQUE INDEX "PaymentEvent_paymentId_fingerprint_key" ON "PaymentEvent"("paymentId", "fingerprint");

-- CreateIndex
CREATE INDEX "ApiCallLog_at_idx" ON "ApiCallLog"("at");

-- CreateIndex
CREATE INDEX "ApiCallLog_msn_at_idx" ON "ApiCallLog"("msn", "at");

-- CreateIndex
CREATE INDEX "ApiCallLog_operation_at_idx" ON "ApiCallLog"("operation", "at");

-- CreateIndex
CREATE INDEX "ApiCallLog_orderId_idx" ON "ApiCallLog"("orderId");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "UserSalesUnit_salesUnitId_idx" ON "UserSalesUnit"("salesUnitId");

-- CreateIndex
CREATE INDEX "AuditLog_at_idx" ON "AuditLog"("at");

-- CreateIndex
CREATE INDEX "AuditLog_userId_at_idx" ON "AuditLog"("userId", "at");

-- CreateIndex
CREATE INDEX "AuditLog_msn_orderId_idx" ON "AuditLog"("msn", "orderId");

-- CreateIndex
CREATE UNIQUE INDEX "MoneyOperation_idempotencyKey_key" ON "MoneyOperation"("idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "MoneyOperation_xRequestId_key" ON "MoneyOperation"("xRequestId");

-- CreateIndex
CREATE INDEX "MoneyOperation_paymentId_createdAt_idx" ON "MoneyOperation"("paymentId", "createdAt");

-- CreateIndex
CREATE INDEX "MoneyOperation_state_idx" ON "MoneyOperation"("state");

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_msn_fkey" FOREIGN KEY ("msn") REFERENCES "SalesUnit"("msn") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaymentEvent" ADD CONSTRAINT "PaymentEvent_paymentId_fkey" FOREIGN KEY ("paymentId") REFERENCES "Payment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserSalesUnit" ADD CONSTRAINT "UserSalesUnit_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserSalesUnit" ADD CONSTRAINT "UserSalesUnit_salesUnitId_fkey" FOREIGN KEY ("salesUnitId") REFERENCES "SalesUnit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MoneyOperation" ADD CONSTRAINT "MoneyOperation_paymentId_fkey" FOREIGN KEY ("paymentId") REFERENCES "Payment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
