#!/usr/bin/env bash
# The browser test drives Debian's Chromium (no browser download: the network only reaches the
# package registries). `npm test` calls this first, so the README's test command sets up what
# it needs on a fresh Debian machine; elsewhere it says what to install.
set -euo pipefail
CHROMIUM=/usr/bin/chromium
[ -x "$CHROMIUM" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's chromium for the browser test (once)..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "The browser test needs Chromium at $CHROMIUM: install Debian's chromium package (sudo apt-get install chromium)." >&2
exit 1
