-- Written by hand (Prisma's schema cannot describe an index on an expression): the lookup's
-- "any letter case" orderId search (lib/payments/lookup/search.ts) asks lower("orderId") LIKE 'q%'.
-- text_pattern_ops lets a btree serve that prefix under any database collation. It replaces the
-- trigram index for this search, which read every orderId sharing a trigram with the query and
-- grew with the table (8–17 ms at 1,000,000 payments against 0.1 ms for the case-sensitive prefix).
CREATE INDEX "Payment_orderId_lower_idx" ON "Payment" (lower("orderId") text_pattern_ops);
