-- pg_trgm for the trigram indexes below (Prisma does not write CREATE EXTENSION without the
-- postgresqlExtensions preview feature. PGlite loads it in lib/db/pglite.ts.)
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "Payment_orderId_trgm_idx" ON "Payment" USING GIN ("orderId" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Payment_transactionText_trgm_idx" ON "Payment" USING GIN ("transactionText" gin_trgm_ops);
