# Trede bot: Node.js 24 LTS, multi-stage, non-root, migrations applied by the app at start, healthcheck on /readyz.
# Build: docker build -t trede .   Run: docker run -p 3978:3978 --env-file .env trede
FROM node:24-bookworm-slim AS deps
WORKDIR /app
# prisma generate (postinstall) needs the schema, its config and the CLI adapters at install time
COPY package.json package-lock.json .npmrc prisma.config.ts ./
COPY prisma ./prisma
COPY src/storage/db/cli-adapters.ts ./src/storage/db/cli-adapters.ts
RUN npm ci && npm prune --omit=dev

FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3978
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=deps /app/src/generated ./src/generated
COPY package.json tsconfig.json ./
COPY src ./src
COPY prisma ./prisma
COPY ladders ./ladders
COPY cards ./cards
COPY prompts ./prompts
RUN chown -R node:node /app/src/generated
USER node
EXPOSE 3978
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3978)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# node directly, not npm: npm can leave the app orphaned on SIGTERM
CMD ["node", "--import", "tsx", "src/main.ts"]
