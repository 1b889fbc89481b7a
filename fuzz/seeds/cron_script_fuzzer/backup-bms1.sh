#!/bin/bash
set -euo pipefail
BACKUP_DATE=$(date +%Y-%m-%d)
BACKUP_DIR="/tmp/bms1-backup-${BACKUP_DATE}"
S3_PREFIX="s3://p24-infra/bms-1-backups/${BACKUP_DATE}"
 
mkdir -p "$BACKUP_DIR"
 
# 1. PostgreSQL dump
sudo -u postgres pg_dumpall | gzip > "${BACKUP_DIR}/postgres-all.sql.gz"
 
# 2. Redis dump (BGSAVE, then copy RDB)
redis-cli BGSAVE
sleep 5
cp /var/lib/redis/dump.rdb "${BACKUP_DIR}/redis-dump.rdb"
 
# 3. Docker volumes for nginx-proxy certs (Let's Encrypt)
docker cp nginx-proxy:/etc/nginx/certs "${BACKUP_DIR}/nginx-certs" 2>/dev/null || true
 
# 4. Container environment files (redacted - just keys, no values)
for ctr in v42-prod s3-v42-prod mailgun-v42-prod; do
  docker inspect "$ctr" --format '{{range .Config.Env}}{{println .}}{{end}}' \
    | grep -oP '^[A-Z0-9_]+=' > "${BACKUP_DIR}/${ctr}-env-keys.txt" 2>/dev/null || true
done
 
# 5. Upload to Wasabi
aws --endpoint-url https://s3.eu-central-2.wasabisys.com s3 sync \
  "${BACKUP_DIR}/" "${S3_PREFIX}/" --sse AES256
 
# 6. Cleanup
rm -rf "${BACKUP_DIR}"
 
echo "Backup complete: ${S3_PREFIX}"
