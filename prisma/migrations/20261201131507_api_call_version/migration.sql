-- CreateTable
CREATE TABLE "ApiCallVersion" (
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "shard" SMALLINT NOT NULL,
    "version" BIGINT NOT NULL,

    CONSTRAINT "ApiCallVersion_pkey" PRIMARY KEY ("hour","shard")
);
