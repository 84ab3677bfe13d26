-- CreateEnum
CREATE TYPE "Role" AS ENUM ('USER', 'ABUSE', 'BILLING', 'ADMIN');
CREATE TYPE "ZoneKind" AS ENUM ('SHARED', 'CUSTOM');
CREATE TYPE "HostStatus" AS ENUM ('ACTIVE', 'EXPIRED', 'SUSPENDED', 'SINKHOLED', 'FROZEN');
CREATE TYPE "RRType" AS ENUM ('A', 'AAAA', 'TXT', 'MX', 'CNAME', 'NS', 'SOA', 'CAA', 'SRV');
CREATE TYPE "OutboxStatus" AS ENUM ('PENDING', 'FAILED');
CREATE TYPE "AuthTokenKind" AS ENUM ('VERIFY_EMAIL', 'RESET_PASSWORD', 'LIVENESS');

-- CreateTable
CREATE TABLE "Plan" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "maxHosts" INTEGER NOT NULL,
    "minTtl" INTEGER NOT NULL,
    "recordTypes" "RRType"[],
    "features" TEXT[],
    "priceCents" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Plan_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "User" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "email" TEXT NOT NULL,
    "name" TEXT,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'USER',
    "planId" TEXT NOT NULL DEFAULT 'free',
    "emailVerifiedAt" TIMESTAMPTZ(3),
    "totpSecret" TEXT,
    "totpEnabledAt" TIMESTAMPTZ(3),
    "lastSeenAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Session" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "userId" UUID NOT NULL,
    "ip" TEXT,
    "userAgent" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "revokedAt" TIMESTAMPTZ(3),
    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "AuthToken" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "userId" UUID NOT NULL,
    "kind" "AuthTokenKind" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AuthToken_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "LoginAttempt" (
    "id" BIGSERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "ip" TEXT NOT NULL,
    "success" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LoginAttempt_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Zone" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "kind" "ZoneKind" NOT NULL DEFAULT 'SHARED',
    "providerId" TEXT NOT NULL DEFAULT 'default',
    "public" BOOLEAN NOT NULL DEFAULT true,
    "acceptingRegistrations" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Zone_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Host" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "zoneId" UUID NOT NULL,
    "label" TEXT NOT NULL,
    "fqdn" TEXT NOT NULL,
    "ownerId" UUID NOT NULL,
    "status" "HostStatus" NOT NULL DEFAULT 'ACTIVE',
    "statusReason" TEXT,
    "lastUpdateAt" TIMESTAMPTZ(3),
    "lastSeenAt" TIMESTAMPTZ(3),
    "expiresAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Host_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "RRset" (
    "id" BIGSERIAL NOT NULL,
    "zoneId" UUID NOT NULL,
    "hostId" UUID,
    "name" TEXT NOT NULL,
    "type" "RRType" NOT NULL,
    "ttl" INTEGER NOT NULL,
    "records" TEXT[],
    "version" BIGINT NOT NULL DEFAULT 1,
    "publishedVersion" BIGINT NOT NULL DEFAULT 0,
    "publishedAt" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RRset_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "DnsOutbox" (
    "id" BIGSERIAL NOT NULL,
    "zone" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" "RRType" NOT NULL,
    "version" BIGINT NOT NULL,
    "status" "OutboxStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DnsOutbox_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "UpdateKey" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "ownerId" UUID NOT NULL,
    "hostId" UUID,
    "label" TEXT NOT NULL DEFAULT '',
    "secretHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "recordTypes" "RRType"[] DEFAULT ARRAY['A', 'AAAA']::"RRType"[],
    "allowedCidrs" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "expiresAt" TIMESTAMPTZ(3),
    "lastUsedAt" TIMESTAMPTZ(3),
    "lastUsedIp" TEXT,
    "revokedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "UpdateKey_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "ApiToken" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "userId" UUID NOT NULL,
    "label" TEXT NOT NULL DEFAULT '',
    "tokenHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "scopes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "expiresAt" TIMESTAMPTZ(3),
    "lastUsedAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "UpdateEvent" (
    "id" BIGSERIAL NOT NULL,
    "hostId" UUID,
    "fqdn" TEXT,
    "userId" UUID,
    "keyId" UUID,
    "protocol" TEXT NOT NULL,
    "sourceIp" TEXT NOT NULL,
    "userAgent" TEXT,
    "params" JSONB NOT NULL,
    "result" TEXT NOT NULL,
    "reason" TEXT,
    "latencyMs" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "UpdateEvent_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Tombstone" (
    "fqdn" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "until" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Tombstone_pkey" PRIMARY KEY ("fqdn")
);

CREATE TABLE "AuditLog" (
    "id" BIGSERIAL NOT NULL,
    "actorId" UUID,
    "actorRole" TEXT,
    "action" TEXT NOT NULL,
    "targetType" TEXT NOT NULL,
    "targetId" TEXT,
    "before" JSONB,
    "after" JSONB,
    "ip" TEXT,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "MailMessage" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT,
    "sentAt" TIMESTAMPTZ(3),
    "error" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MailMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
CREATE INDEX "Session_userId_idx" ON "Session"("userId");
CREATE UNIQUE INDEX "AuthToken_tokenHash_key" ON "AuthToken"("tokenHash");
CREATE INDEX "AuthToken_userId_kind_idx" ON "AuthToken"("userId", "kind");
CREATE INDEX "LoginAttempt_email_createdAt_idx" ON "LoginAttempt"("email", "createdAt");
CREATE INDEX "LoginAttempt_ip_createdAt_idx" ON "LoginAttempt"("ip", "createdAt");
CREATE UNIQUE INDEX "Zone_name_key" ON "Zone"("name");
CREATE UNIQUE INDEX "Host_fqdn_key" ON "Host"("fqdn");
CREATE INDEX "Host_ownerId_fqdn_idx" ON "Host"("ownerId", "fqdn");
CREATE UNIQUE INDEX "Host_zoneId_label_key" ON "Host"("zoneId", "label");
CREATE INDEX "RRset_hostId_idx" ON "RRset"("hostId");
CREATE INDEX "RRset_zoneId_name_idx" ON "RRset"("zoneId", "name");
CREATE UNIQUE INDEX "RRset_name_type_key" ON "RRset"("name", "type");
CREATE INDEX "DnsOutbox_status_nextAttemptAt_idx" ON "DnsOutbox"("status", "nextAttemptAt");
CREATE INDEX "DnsOutbox_name_type_idx" ON "DnsOutbox"("name", "type");
CREATE UNIQUE INDEX "UpdateKey_secretHash_key" ON "UpdateKey"("secretHash");
CREATE INDEX "UpdateKey_ownerId_idx" ON "UpdateKey"("ownerId");
CREATE INDEX "UpdateKey_hostId_idx" ON "UpdateKey"("hostId");
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");
CREATE INDEX "ApiToken_userId_idx" ON "ApiToken"("userId");
CREATE INDEX "UpdateEvent_hostId_createdAt_idx" ON "UpdateEvent"("hostId", "createdAt");
CREATE INDEX "UpdateEvent_createdAt_idx" ON "UpdateEvent"("createdAt");
CREATE INDEX "AuditLog_targetType_targetId_idx" ON "AuditLog"("targetType", "targetId");
CREATE INDEX "AuditLog_actorId_createdAt_idx" ON "AuditLog"("actorId", "createdAt");
CREATE INDEX "MailMessage_to_createdAt_idx" ON "MailMessage"("to", "createdAt");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "AuthToken" ADD CONSTRAINT "AuthToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Host" ADD CONSTRAINT "Host_zoneId_fkey" FOREIGN KEY ("zoneId") REFERENCES "Zone"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Host" ADD CONSTRAINT "Host_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "RRset" ADD CONSTRAINT "RRset_zoneId_fkey" FOREIGN KEY ("zoneId") REFERENCES "Zone"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "RRset" ADD CONSTRAINT "RRset_hostId_fkey" FOREIGN KEY ("hostId") REFERENCES "Host"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "UpdateKey" ADD CONSTRAINT "UpdateKey_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "UpdateKey" ADD CONSTRAINT "UpdateKey_hostId_fkey" FOREIGN KEY ("hostId") REFERENCES "Host"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Seed: the plans every account starts on (billing issues add more).
INSERT INTO "Plan" ("id", "name", "maxHosts", "minTtl", "recordTypes", "features", "priceCents") VALUES
  ('free', 'Free', 3, 60, ARRAY['A', 'AAAA', 'TXT', 'CNAME']::"RRType"[], ARRAY['txt_api']::TEXT[], 0),
  ('plus', 'Plus', 25, 30, ARRAY['A', 'AAAA', 'TXT', 'MX', 'CNAME', 'CAA', 'SRV']::"RRType"[], ARRAY['txt_api', 'offline', 'wildcard', 'mx', 'webhooks', 'no_expiry']::TEXT[], 499);
