#!/usr/bin/env bash
# Checks that every better_sqlite3.node inside the packages in release/ is built for the job's
# architecture (x64 or arm64), as `file` reads it: the deb's payload, the AppImage's squashfs and the
# unpacked folder. Usage: check-native-arch.sh x64|arm64 [release-dir]
set -euo pipefail
arch="$1"
release="${2:-release}"
case "$arch" in
  x64) expected='x86-64' ;;
  arm64) expected='ARM aarch64' ;;
  *) echo "unknown architecture: $arch" >&2; exit 2 ;;
esac
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

shopt -s nullglob
debs=("$release"/*.deb)
appimages=("$release"/*.AppImage)
[ "${#debs[@]}" -eq 1 ] || { echo "::error::expected one .deb in $release, found ${#debs[@]}"; exit 1; }
[ "${#appimages[@]}" -eq 1 ] || { echo "::error::expected one .AppImage in $release, found ${#appimages[@]}"; exit 1; }

dpkg-deb -x "${debs[0]}" "$work/deb"
appimage="$(realpath "${appimages[0]}")"
chmod +x "$appimage"
# The static runtime extracts without FUSE.
(cd "$work" && "$appimage" --appimage-extract >/dev/null)

checked=0
for where in "$work/deb" "$work/squashfs-root" "$release"/linux*-unpacked; do
  found=0
  while IFS= read -r -d '' addon; do
    found=1
    info="$(file -b "$addon")"
    echo "$addon: $info"
    case "$info" in
      *"$expected"*) ;;
      *) echo "::error::$addon is not built for $arch ($info)"; exit 1 ;;
    esac
  done < <(find "$where" -name better_sqlite3.node -print0)
  [ "$found" = 1 ] || { echo "::error::no better_sqlite3.node in $where"; exit 1; }
  checked=$((checked + 1))
done
echo "better_sqlite3.node is built for $arch in all $checked places"
