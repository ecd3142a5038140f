#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (Playwright's own browser download cannot work on
# machines without general internet access). Install it when missing and we may; otherwise say how.
set -euo pipefail
browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$browser" ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's Chromium for the browser tests…" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-noto-core >/dev/null
  exit 0
fi
echo "The browser tests need Chromium at $browser. Install it (sudo apt-get install chromium)," >&2
echo "or set CHROMIUM_PATH to a Chromium or Chrome executable." >&2
exit 1
