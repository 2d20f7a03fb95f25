# syntax=docker/dockerfile:1
# Hovedbok API image: `docker build -t hovedbok .`, then
# `docker run -p 3000:3000 -e DATABASE_URL=postgres://user:password@host:5432/hovedbok hovedbok`.
# Without DATABASE_URL the process starts its embedded PostgreSQL in /app/.data (development only).

ARG NODE_IMAGE=node:20-bookworm-slim

# ---- build: install everything, compile, then drop the development dependencies ----
FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV SCARF_ANALYTICS=false \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false
# The image ships npm 10; the lockfile and the `allowScripts` policy in package.json need npm 11.
RUN npm install -g npm@11.19.1
# Manifests first, so the dependency layer is cached until they change. `sdk` is a workspace:
# npm ci refuses to run unless every workspace's package.json is there.
COPY package.json package-lock.json ./
COPY sdk/package.json sdk/package.json
RUN --mount=type=cache,target=/root/.npm npm ci
COPY . .
# The workspace link to sdk/ would dangle in the runtime image, which has no sdk folder.
RUN npm run build \
 && npm prune --omit=dev \
 && rm -f node_modules/@hovedbok/sdk

# ---- runtime: compiled code and production dependencies only, as an unprivileged user ----
FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    SCARF_ANALYTICS=false
# Code stays owned by root (read-only to the app); only .data, for the embedded database, is writable.
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
EXPOSE 3000
# Ready = the database answers and no migration is pending (200); 503 otherwise.
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health/ready',{signal:AbortSignal.timeout(4000)}).then(r=>process.exit(r.status===200?0:1),()=>process.exit(1))"]
# Node runs as PID 1 and main.ts handles SIGTERM (drains requests, closes the pool, exits 0);
# `docker run --init` or compose's `init: true` adds tini to reap any child processes.
STOPSIGNAL SIGTERM
CMD ["node", "dist/src/main.js"]
