-- AlterTable
ALTER TABLE "UpdateEvent" ADD COLUMN "changes" JSONB;

-- CreateTable
CREATE TABLE "NotificationQueue" (
    "id" BIGSERIAL NOT NULL,
    "userId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NotificationQueue_pkey" PRIMARY KEY ("id")
);
