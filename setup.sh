#!/usr/bin/env bash
# Installs the Debian 12 packages vaxel builds and tests with, and only those that are missing,
# so a rerun on a ready machine costs a second. Run as root (or with sudo available).
set -euo pipefail

packages=(
  cmake g++ make pkg-config clang-format
  libsimgrid-dev libeigen3-dev libyaml-cpp-dev doctest-dev
  libcli11-dev nlohmann-json3-dev libfmt-dev libsqlite3-dev
  libimgui-dev libglfw3-dev libgl-dev libstb-dev
  xvfb xauth libgl1-mesa-dri
)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done

if ((${#missing[@]} == 0)); then
  echo "setup: all ${#packages[@]} packages present" >&2
  exit 0
fi

sudo=""
if ((EUID != 0)); then sudo="sudo"; fi
echo "setup: installing ${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
