#!/usr/bin/env bash
# Installs Debian's Chromium (for the end-to-end tests) unless it is already there.
# Idempotent and quiet; honours CHROMIUM_PATH when set.
set -euo pipefail

chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$chromium_path" ]; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  sudo_cmd=()
elif command -v sudo >/dev/null 2>&1; then
  sudo_cmd=(sudo -n)
else
  echo "ensure-chromium: $chromium_path is missing and this user cannot install packages (not root, no sudo)" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
echo "ensure-chromium: installing chromium with apt-get" >&2
"${sudo_cmd[@]}" apt-get update -qq >/dev/null
"${sudo_cmd[@]}" apt-get install -y -qq chromium >/dev/null

if [ ! -x "$chromium_path" ]; then
  echo "ensure-chromium: chromium installed but $chromium_path not found; set CHROMIUM_PATH" >&2
  exit 1
fi
