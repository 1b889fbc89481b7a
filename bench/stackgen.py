#!/usr/bin/env python3
# Generates Compose + nginx deployment folders for scripts/stack_bench.sh.
"""stackgen.py OUT COUNT [SERVICES [NGINX_FILES]]

Writes COUNT stack folders OUT/stack-0000 … (COUNT = 1: OUT itself), each a deployment folder as
`shipshape audit DIR` reads it: docker-compose.yml with SERVICES services (default 30), a .env,
NGINX_FILES nginx files (default 15: nginx/nginx.conf and conf.d/site-NN.conf), a backup script
and a Prometheus config. Services cycle over a dozen templates (databases, caches, web apps,
admin UIs, exporters, a mail catcher) with varied names, tags, published ports, limits,
healthchecks and networks, so the compose, env and nginx parsers and the stack rules all have work;
stack k differs from stack k+1 in names, ports and which options are set. Deterministic.
"""
import os
import sys

TEMPLATES = [
    # name, image, container port, kind
    ("postgres", "postgres:16.4", 5432, "db"),
    ("redis", "redis:7.2-alpine", 6379, "cache"),
    ("api", "example/api:2.{k}.0", 4000, "app"),
    ("worker", "example/worker:2.{k}.0", 0, "app"),
    ("admin", "example/admin:1.{k}.3", 3000, "app"),
    ("grafana", "grafana/grafana:11.2.0", 3000, "ui"),
    ("n8n", "n8nio/n8n:latest", 5678, "ui"),
    ("nocodb", "nocodb/nocodb", 8080, "ui"),
    ("mailhog", "mailhog/mailhog:v1.0.1", 8025, "mail"),
    ("mongo", "mongo:7.0.14", 27017, "db"),
    ("exporter", "oliver006/redis_exporter:v1.62.0", 9121, "exporter"),
    ("media", "example/media-api:2.{k}.1", 4100, "app"),
]


def service(i, k):
    name, image, port, kind = TEMPLATES[i % len(TEMPLATES)]
    svc = f"{name}-{i:02d}"
    lines = [f"  {svc}:", f"    image: {image.format(k=k % 10)}", f"    container_name: s{k}-{svc}",
             "    restart: unless-stopped"]
    if port:
        bind = "127.0.0.1:" if (i + k) % 3 == 0 else ""
        lines += ["    ports:", f'      - "{bind}{20000 + i * 10 + k % 10}:{port}"']
    env = {"db": ["POSTGRES_PASSWORD=${DB_PASSWORD_%d}" % i, "POSTGRES_USER=app"],
           "cache": ["REDIS_PASSWORD=${REDIS_PASSWORD:-changeme}"],
           "app": ["DATABASE_URL=postgres://app:${DB_PASSWORD_0}@postgres-00:5432/app",
                   "EMAIL_TEST_MODE=${EMAIL_TEST_MODE:-true}", "JWT_SECRET=${JWT_SECRET}"],
           "ui": ["ADMIN_PASSWORD=${ADMIN_PASSWORD_%d:-admin}" % i, "ADMIN_USER=admin"],
           "mail": [], "exporter": ["REDIS_ADDR=redis-01:6379"]}[kind]
    if env:
        lines += ["    environment:"] + [f"      - {e}" for e in env]
    if kind in ("db", "ui", "app"):
        lines += ["    volumes:", f"      - {svc}-data:/data", "      - ./config:/config:ro"]
    if (i + k) % 2 == 0:
        lines += ["    healthcheck:", '      test: ["CMD", "true"]', "      interval: 10s"]
    if (i + k) % 4 != 1:
        lines += ["    deploy:", "      resources:", "        limits:", "          memory: 512M",
                  "          cpus: '0.50'"]
    lines += ["    networks:", "      - back" if kind in ("db", "cache") else "      - front"]
    return svc, kind, port, lines


def compose(k, count):
    out = [f"# Generated stack {k} ({count} services)", "name: stack-%04d" % k, "services:",
           "  nginx:", "    image: nginx:1.27-alpine", "    ports:", '      - "80:80"', '      - "8881:8881"',
           "    volumes:", "      - ./nginx/nginx.conf:/etc/nginx/nginx.conf:ro",
           "      - ./nginx/conf.d:/etc/nginx/conf.d:ro", "    networks:", "      - front"]
    services, volumes = [], []
    for i in range(count - 1):
        svc, kind, port, lines = service(i, k)
        out += lines
        services.append((svc, kind, port))
        if kind in ("db", "ui", "app"):
            volumes.append(svc)
    out += ["networks:", "  front:", "  back:", "volumes:"] + [f"  {v}-data:" for v in volumes]
    return "\n".join(out) + "\n", services


def dotenv(k, count):
    lines = ["# Generated environment", f"COMPOSE_PROJECT_NAME=stack-{k:04d}", "EMAIL_TEST_MODE=true",
             "JWT_SECRET=" + ("x" * 8 if k % 2 else "4f9a1c0e7b2d5a8f3c6e9b1d4a7f0c3e"), "REDIS_PASSWORD=changeme"]
    for i in range(count):
        lines.append(f"DB_PASSWORD_{i}=" + ("admin" if (i + k) % 5 == 0 else f"p{k}x{i}Q9rLm2vTz8WkYs"))
        lines.append(f"ADMIN_PASSWORD_{i}=" + ("" if (i + k) % 7 == 0 else f"a{k}y{i}Hn4cBq7Dp1Xw"))
    return "\n".join(lines) + "\n"


NGINX_MAIN = """events {
    worker_connections 1024;
}

http {
    server_tokens off;
    limit_req_zone $binary_remote_addr zone=api:10m rate=10r/s;
    add_header Strict-Transport-Security "max-age=31536000; includeSubDomains" always;
    add_header X-Frame-Options "SAMEORIGIN" always;
    add_header X-Content-Type-Options "nosniff" always;

    upstream backend {
        server api-02:4000;
    }

    include /etc/nginx/conf.d/*.conf;
}
"""


def site(k, n, services):
    web = [s for s in services if s[2]]
    a, b = web[n % len(web)], web[(n + 3) % len(web)]
    sub = f"{a[0]}.s{k}.example.org"
    limited = "        limit_req zone=api burst=20 nodelay;\n" if (n + k) % 2 else ""
    csp = ("    add_header Content-Security-Policy \"frame-ancestors 'self'\" always;\n" if n % 3 == 0 else "")
    text = f"""# Site {n} of stack {k}
server {{
    listen 80;
    server_name {sub};
{csp}
    location / {{
        proxy_pass http://{a[0]}:{a[2]};
        proxy_set_header Host $host;
    }}

    location /api/ {{
{limited}        proxy_pass http://{b[0]}:{b[2]};
    }}

    location /static/ {{
        alias /srv/static/{n}/;
    }}
}}
"""
    if n % 4 == 0:
        text += f"""
server {{
    listen {8881 + n};
    server_name localhost;

    location / {{
        proxy_pass http://{a[0]}:{a[2]};
        proxy_hide_header X-Frame-Options;
        proxy_hide_header Content-Security-Policy;
    }}
}}
"""
    return text


def write(path, text, mode=0o644):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)
    os.chmod(path, mode)


def stack(dir_, k, count, nginx_files):
    text, services = compose(k, count)
    write(os.path.join(dir_, "docker-compose.yml"), text)
    write(os.path.join(dir_, ".env"), dotenv(k, count))
    write(os.path.join(dir_, "nginx", "nginx.conf"), NGINX_MAIN)
    for n in range(1, nginx_files):
        write(os.path.join(dir_, "nginx", "conf.d", f"site-{n:02d}.conf"), site(k, n, services))
    write(os.path.join(dir_, "scripts", "backup.sh"),
          "#!/bin/sh\nset -eu\npg_dump -h postgres-00 -U app app | gzip > /backup/app.sql.gz\n", 0o755)
    write(os.path.join(dir_, "config", "prometheus.yml"),
          "global:\n  scrape_interval: 15s\nscrape_configs:\n  - job_name: api\n"
          "    static_configs:\n      - targets: ['api-02:4000']\n")


def main(argv):
    if len(argv) < 3:
        sys.stderr.write(__doc__)
        return 2
    out, count = argv[1], int(argv[2])
    services = int(argv[3]) if len(argv) > 3 else 30
    nginx_files = int(argv[4]) if len(argv) > 4 else 15
    for k in range(count):
        stack(out if count == 1 else os.path.join(out, f"stack-{k:04d}"), k, services, nginx_files)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
