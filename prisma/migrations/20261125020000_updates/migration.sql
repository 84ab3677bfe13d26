-- CreateEnum
CREATE TYPE "AgentAction" AS ENUM ('ALLOW', 'THROTTLE', 'BLOCK');

-- CreateTable
CREATE TABLE "ClientBlock" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "userId" UUID NOT NULL,
    "keyId" UUID,
    "credential" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "nochgCount" INTEGER NOT NULL DEFAULT 0,
    "sourceIp" TEXT,
    "userAgent" TEXT,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "liftedAt" TIMESTAMPTZ(3),
    "liftedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClientBlock_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgentPolicy" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "pattern" TEXT NOT NULL,
    "action" "AgentAction" NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AgentPolicy_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ClientBlock_credential_expiresAt_idx" ON "ClientBlock"("credential", "expiresAt");

-- CreateIndex
CREATE INDEX "ClientBlock_userId_createdAt_idx" ON "ClientBlock"("userId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "AgentPolicy_pattern_key" ON "AgentPolicy"("pattern");
