#!/usr/bin/env bash
# Builds Amtsbote and runs the bot on the sample knowledge base: web chat on http://localhost:8080/chat
# Usage: ./scripts/run.sh [serve options]   (e.g. --port 9090)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
swift build -c release --product amtsbote
exec .build/release/amtsbote serve --knowledge ./knowledge "$@"
