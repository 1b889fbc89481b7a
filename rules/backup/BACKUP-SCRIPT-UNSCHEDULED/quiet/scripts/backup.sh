#!/bin/bash
# Backup: PostgreSQL V2, Listmonk database, uploads; optional S3 upload.
set -euo pipefail
cd "$(dirname "$0")/.."
STAMP=$(date +%Y%m%d-%H%M%S)
mkdir -p backups
docker compose exec -T v2-postgres pg_dump -U changemaker changemaker_v2 > "backups/changemaker_v2-$STAMP.sql"
docker compose exec -T listmonk-db pg_dump -U listmonk listmonk > "backups/listmonk-$STAMP.sql"
tar czf "backups/uploads-$STAMP.tar.gz" uploads/
if [ -n "${S3_BUCKET:-}" ]; then
  aws s3 cp backups/ "s3://${S3_BUCKET}/" --recursive
fi
