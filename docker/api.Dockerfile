# syntax=docker/dockerfile:1
#
# Server image, two targets from one build (build context: the repository root):
#   api    (default) node dist/server/apps/api/src/main.js; also runs the migrations:
#                    node dist/server/tools/db/migrate.js
#   worker           node dist/server/apps/worker/src/main.js
#
#   docker build -f docker/api.Dockerfile --target api -t police-fleet/api .
#   docker build -f docker/api.Dockerfile --target worker -t police-fleet/worker .
#
# The build context is filtered by docker/api.Dockerfile.dockerignore (BuildKit reads <Dockerfile>.dockerignore
# beside the Dockerfile in preference to a .dockerignore at the context root).

ARG NODE_VERSION=20
# npm 11 honours the `allowScripts` field of package.json (install-script approvals: @swc/core, nx,
# msgpackr-extract... are denied there); the npm 10 bundled with Node 20 ignores it and runs every script.
ARG NPM_VERSION=11.19.1

# --- npm 11 and the manifests, shared by both installs -------------------------------------------------------
FROM node:${NODE_VERSION}-bookworm AS base
ARG NPM_VERSION
RUN npm install -g npm@${NPM_VERSION} && npm --version
WORKDIR /app
COPY package.json package-lock.json ./

# --- all dependencies, for building ------------------------------------------------------------------------------
FROM base AS deps
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund

# --- compile apps/api, apps/worker, libs and tools with SWC into dist/server ------------------------------------
FROM deps AS build
COPY . .
RUN node tools/build.mjs

# --- run-time dependencies only (no @swc/core, no jest, no vite) -------------------------------------------------
# Same Debian release as the runtime stage, so the prebuilt native modules (@node-rs/argon2, msgpackr-extract)
# match its glibc.
FROM base AS prod-deps
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --no-audit --no-fund

# --- slim runtime, shared by api and worker ------------------------------------------------------------------------
FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ENV NODE_ENV=production \
    DATA_DIR=/var/lib/fleet
WORKDIR /app
# The data folder belongs to `node` so a named volume mounted there starts out writable; the code stays
# root-owned and read-only to the process.
RUN mkdir -p /var/lib/fleet && chown node:node /var/lib/fleet
COPY package.json ./
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist/server ./dist/server
USER node

FROM runtime AS worker
CMD ["node", "dist/server/apps/worker/src/main.js"]

# Last stage: what `docker build` without --target produces. Only the API prints: Debian's Chromium turns the
# printed documents (通知单, 签收单, 接收单, labels) into PDF (CHROMIUM_PATH), with CJK fonts so the Chinese
# shows; the worker image stays without them.
FROM runtime AS api
USER root
RUN apt-get update \
    && apt-get install -y --no-install-recommends chromium fonts-noto-cjk \
    && rm -rf /var/lib/apt/lists/*
USER node
ENV CHROMIUM_PATH=/usr/bin/chromium
EXPOSE 3000
CMD ["node", "dist/server/apps/api/src/main.js"]
