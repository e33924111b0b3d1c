# syntax=docker/dockerfile:1
# Rapport's headless host (core, API, control panel and /metrics) with Debian's Chromium, for
# linux/amd64 and linux/arm64 (a Raspberry Pi 4/5 on a 64-bit OS). Built by .github/workflows/docker.yml;
# run it with deployment/compose.yaml, which keeps every port on 127.0.0.1.
ARG NODE_VERSION=20.20.0

FROM node:${NODE_VERSION}-bookworm-slim AS build
# better-sqlite3 has no prebuilt addon here: it is compiled, natively for each platform of the build.
RUN apt-get update \
 && apt-get install -y --no-install-recommends build-essential python3 \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
# Scripts off: Electron's installer would download a desktop binary the headless host never uses.
RUN npm ci --no-audit --no-fund --ignore-scripts \
 && npm rebuild better-sqlite3
COPY . .
RUN npx vite build --logLevel warn && node scripts/build-node.mjs \
 && npm prune --omit=dev --ignore-scripts

FROM node:${NODE_VERSION}-bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends chromium fonts-liberation tini ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && printf '%s\n' '# The container is the sandbox: Docker'"'"'s default seccomp profile refuses the namespaces Chromium'"'"'s own sandbox needs.' \
      'export CHROMIUM_FLAGS="$CHROMIUM_FLAGS --no-sandbox"' > /etc/chromium.d/zz-rapport-container
ENV NODE_ENV=production \
    RAPPORT_DATA_DIR=/data \
    RAPPORT_BROWSER_PATH=/usr/bin/chromium \
    RAPPORT_SERVER_HOST=127.0.0.1 \
    RAPPORT_SERVER_PORT=9464
WORKDIR /app
COPY --from=build /app /app
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 9464
HEALTHCHECK --interval=60s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.RAPPORT_SERVER_PORT + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["/usr/bin/tini", "--", "node", "bin/rapport.mjs"]
CMD ["serve"]
