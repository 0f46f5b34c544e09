# syntax=docker/dockerfile:1
#
# Console image: Vite builds apps/console into dist/console, nginx serves it and proxies /api/ to the api
# service (docker/nginx.conf). Build context: the repository root, filtered by
# docker/console.Dockerfile.dockerignore.
#
#   docker build -f docker/console.Dockerfile -t police-fleet/console .

ARG NODE_VERSION=20
# npm 11 honours the `allowScripts` field of package.json; the npm 10 bundled with Node 20 ignores it.
ARG NPM_VERSION=11.19.1

FROM node:${NODE_VERSION}-bookworm AS build
ARG NPM_VERSION
RUN npm install -g npm@${NPM_VERSION} && npm --version
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
COPY . .
RUN npx vite build --config apps/console/vite.config.ts

FROM nginx:1.27-alpine
COPY docker/nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=build /app/dist/console /usr/share/nginx/html
EXPOSE 80
