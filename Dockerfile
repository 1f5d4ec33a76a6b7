# syntax=docker/dockerfile:1
# docker build --build-arg VERSION=$(node -p "require('./package.json').version") \
#   --build-arg GIT_COMMIT=$(git rev-parse --short HEAD) -t bitbucket-mcp-server .
# .dockerignore keeps tests, docs, benchmarks and load scenarios out of the context.

# Production dependencies only, installed from the lockfile alone (no dev tooling reaches the image).
FROM node:24-bookworm-slim AS production-dependencies
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

# Build stage: full install and compile into dist/.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# Runtime stage: production dependencies and dist/ only, as the unprivileged `node` user. Nothing is
# written under /app: logs go to stdout (LOG_DIR unset; set it to a mounted volume for files), so the
# root file system can be read-only. Node's compile cache goes to /tmp when it is writable (mount an
# emptyDir or tmpfs there) and is skipped otherwise (apps/mcp-http/compile-cache.ts).
FROM node:24-bookworm-slim
ARG VERSION=
# The commit label of bitbucket_mcp_build_info (GIT_COMMIT, libs/metrics) and of the image.
ARG GIT_COMMIT=
LABEL org.opencontainers.image.title="bitbucket-mcp-server" \
      org.opencontainers.image.description="Model Context Protocol server for Bitbucket Cloud and Bitbucket Data Center" \
      org.opencontainers.image.licenses="MIT" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${GIT_COMMIT}"
ENV GIT_COMMIT=${GIT_COMMIT}
# A capped young generation keeps idle sessions cheap (docs/operations.md, Memory).
ENV NODE_ENV=production \
    NODE_OPTIONS=--max-semi-space-size=8 \
    HOST=0.0.0.0 \
    PORT=3000
WORKDIR /app
COPY --from=build /app/package.json ./package.json
COPY --from=production-dependencies /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/bin ./bin
USER node
EXPOSE 3000
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=15s --timeout=3s --start-period=5s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["node", "bin/bitbucket-mcp.js"]
CMD ["serve"]
