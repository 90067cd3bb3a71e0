# Forum Desa — production image. The TypeScript sources are compiled with esbuild (a runtime
# dependency, see scripts/build.mjs) into dist/main/ while the image is built, and node runs that:
# no TypeScript loader in the running process. Build: docker build -t forum-desa .   Run: see docker-compose.yml.
FROM node:20-slim

ENV NODE_ENV=production \
    PRISMA_HIDE_UPDATE_MESSAGE=1 \
    DATA_DIR=/app/data \
    HTTP_PORT=8080
WORKDIR /app

# Dependencies first, so this layer is rebuilt only when they change. npm ci's postinstall runs
# `prisma generate` (scripts/prisma-generate.mjs, no engine download), which needs the schema; its
# build step skips itself here, as src/ is not copied yet.
COPY package.json package-lock.json prisma.config.ts ./
COPY scripts ./scripts
COPY prisma ./prisma
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

COPY tsconfig.json ./
COPY src ./src
COPY locales ./locales
COPY assets ./assets
# Compiled as root, before the switch to "node": the running bot cannot (and need not) rewrite it.
RUN node scripts/build.mjs

# Run as the image's unprivileged "node" user; only the data folder is writable by it.
RUN mkdir -p /app/data && chown node:node /app/data
USER node

# Embedded PGlite lives here when DATABASE_URL is unset (compose uses PostgreSQL instead).
VOLUME ["/app/data"]
EXPOSE 8080

HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.HTTP_PORT || 8080) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

# node runs as the main process (no npm wrapper in between), so SIGTERM reaches the bot, which
# stops taking updates, finishes those in flight, closes its connections and exits within 10 s.
# The node options are the same as `npm start`'s (package.json); the compiled entry point is run
# directly, as the image's build already made it fresh.
STOPSIGNAL SIGTERM
CMD ["node", "--max-semi-space-size=1", "--liftoff-only", "dist/main/main.js"]
