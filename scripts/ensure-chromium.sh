#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (Playwright's own browser download cannot work on
# machines without general internet access), with the fonts their layouts and screenshots are made
# with: Noto Sans (Debian's fonts-noto-core). A Chromium installed on its own brings no fonts of its
# own, and falls back to whatever the machine has (often only DejaVu, a much wider face). Install
# what is missing when we may (as root with apt); otherwise say how. Also xmlsec1 (Debian's
# xmlsec1): the document bindings' test checks them with it, an XML Signature implementation
# independent of ours, and skips that check where it is missing.
set -euo pipefail
browser="${CHROMIUM_PATH:-/usr/bin/chromium}"

# (grep reads the whole list: with -q it would stop early, and pipefail would count fc-list's broken pipe.)
has_noto() { command -v fc-list >/dev/null && fc-list : family | grep -x "Noto Sans" >/dev/null; }

missing=()
if [ ! -x "$browser" ]; then missing+=(chromium); fi
if ! has_noto; then missing+=(fontconfig fonts-noto-core); fi
if ! command -v xmlsec1 >/dev/null; then missing+=(xmlsec1); fi
if [ "${#missing[@]}" -eq 0 ]; then exit 0; fi

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing what the tests need: ${missing[*]}…" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  if ! has_noto; then
    echo "fonts-noto-core is installed but fontconfig does not list Noto Sans (fc-list : family)." >&2
    exit 1
  fi
  exit 0
fi

if ! command -v xmlsec1 >/dev/null; then
  echo "xmlsec1 is not installed: the bindings' check with it is skipped (sudo apt-get install xmlsec1)." >&2
fi
if [ ! -x "$browser" ]; then
  echo "The browser tests need Chromium at $browser. Install it (sudo apt-get install chromium fonts-noto-core)," >&2
  echo "or set CHROMIUM_PATH to a Chromium or Chrome executable." >&2
  exit 1
fi
# Only the fonts are missing: the pages still fit (no test depends on a font's widths), but the
# screenshots will not look as they should.
if ! has_noto; then
  echo "The browser tests' screenshots are made with Noto Sans, which is not installed:" >&2
  echo "  sudo apt-get install fonts-noto-core    (running on with the fonts this machine has)" >&2
fi
exit 0
