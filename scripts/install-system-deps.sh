#!/usr/bin/env bash
# Installs the Debian packages the tests need: chromium and the Noto Devanagari font for
# the browser tests, and the SCOWL American English word list (wamerican) that the
# lexicon build reads to tell ordinary English words from names.
# Does nothing when they are present; needs root or sudo otherwise.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -e /usr/share/fonts/truetype/noto/NotoSansDevanagari-Regular.ttf ] || missing+=(fonts-noto-core)
[ -e /usr/share/dict/american-english ] || missing+=(wamerican)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ]; then SUDO=""; elif command -v sudo >/dev/null; then SUDO="sudo"; else
  echo "Missing Debian packages: ${missing[*]}; install them as root (the tests that need them will be skipped)." >&2
  exit 0
fi
echo "Installing ${missing[*]} ..." >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
