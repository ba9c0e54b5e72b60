# Amtsbote: build with the official Swift toolchain image, run on a slim Debian with only the
# runtime libraries, as a non-root user.
#   docker build -t amtsbote .
#   docker run -p 8080:8080 -v amtsbote-data:/app/data amtsbote
#   docker run -p 8080:8080 -v "$PWD/knowledge:/app/knowledge:ro" -v amtsbote-data:/app/data amtsbote
ARG SWIFT_VERSION=6.2

FROM swift:${SWIFT_VERSION}-bookworm AS build
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends libsqlite3-dev libcurl4-openssl-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# Resolve dependencies in their own layer, so source changes don't refetch them.
COPY Package.swift ./
RUN swift package resolve
COPY Sources ./Sources
COPY Tests ./Tests
RUN swift build -c release --product amtsbote --static-swift-stdlib \
 && mkdir -p /out \
 && cp "$(swift build -c release --show-bin-path)/amtsbote" /out/ \
 && cp -R "$(swift build -c release --show-bin-path)"/*.resources /out/ \
 && strip /out/amtsbote

FROM debian:bookworm-slim
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      libsqlite3-0 libcurl4 ca-certificates tzdata curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --user-group --home-dir /app --no-create-home amtsbote \
 && mkdir -p /app/data \
 && chown amtsbote:amtsbote /app/data
WORKDIR /app
COPY --from=build /out/ /app/
# The sample knowledge base; mount your own at /app/knowledge to replace it.
COPY knowledge /app/knowledge
ENV AMTSBOTE_HOST=0.0.0.0 \
    AMTSBOTE_PORT=8080 \
    AMTSBOTE_KNOWLEDGE=/app/knowledge \
    AMTSBOTE_DATABASE=/app/data/amtsbote.sqlite
VOLUME ["/app/data"]
USER amtsbote
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD curl -fsS http://127.0.0.1:8080/healthz || exit 1
ENTRYPOINT ["/app/amtsbote"]
CMD ["serve"]
