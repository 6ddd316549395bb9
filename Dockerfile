# syntax=docker/dockerfile:1
# The portal as a container image: `docker build -t ecs-portal .` (see the README's "Container image").
# Three stages: the locked dependencies, the build, and a runtime of the standalone server alone,
# with the production dependencies it traced, run as the unprivileged `node` user.
# e2e/container-image.spec.ts runs the runtime stage's layout as its CMD does, read from this file.

FROM node:24-slim AS dependencies
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM node:24-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 NEXT_OUTPUT=standalone
COPY --from=dependencies /app/node_modules ./node_modules
COPY . .
RUN npx next build

FROM node:24-slim AS runtime
WORKDIR /app
# NEXT_MANUAL_SIG_HANDLE: on SIGTERM the worker hands its requests back before the process ends.
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 NEXT_MANUAL_SIG_HANDLE=true PORT=3000 HOSTNAME=0.0.0.0
# The server and the modules it needs (Next.js traced them), the build's static files beside it.
COPY --from=build --chown=root:root /app/.next/standalone ./
COPY --from=build --chown=root:root /app/.next/static ./.next/static
# The team rules: build with --build-arg POLICY_FILE=path/to/yours.yaml (POLICY_FILE is ./policy.yaml).
ARG POLICY_FILE=docs/policy.example.yaml
COPY --from=build --chown=root:root /app/${POLICY_FILE} ./policy.yaml
# Amazon RDS's certificate authorities, for DATABASE_URL's sslrootcert (the deploy recipe uses it).
ADD --chmod=444 https://truststore.pki.rds.amazonaws.com/global/global-bundle.pem ./certs/rds-global-bundle.pem
# The only place the app writes: the SQLite journal when DATABASE_URL is not PostgreSQL.
RUN mkdir -p data && chown node:node data
VOLUME ["/app/data"]
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# The journal's migrations run as the server starts (lib/runtime/server-start.ts).
CMD ["node", "server.js"]
