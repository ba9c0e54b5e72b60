#!/usr/bin/env bash
# Builds Amtsbote and runs every test. Usage: ./scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
# One build for library and tests, then run without rebuilding (see notes on Hummingbird rebuilds).
swift build --build-tests
swift test --skip-build
