#!/usr/bin/env bash
# libs/pdf: printable documents (receipts PAY-7, the 报考信息确认单 SST-7) need a CJK font embedded in the PDF. Maven
# Central has none, so the build takes Noto Sans SC (SIL Open Font License) from the npm registry: package
# @expo-google-fonts/noto-sans-sc, the Regular and Bold TTFs. The tarball is cached under ~/.cache/baokao so later
# builds work offline. Usage: fetch-cjk-font.sh OUTPUT_DIR
set -euo pipefail
out=$1
version=0.4.3
[[ -s $out/NotoSansSC-Regular.ttf && -s $out/NotoSansSC-Bold.ttf ]] && exit 0
cache=${XDG_CACHE_HOME:-$HOME/.cache}/baokao/fonts
tarball=$cache/expo-google-fonts-noto-sans-sc-$version.tgz
mkdir -p "$cache" "$out"
if [[ ! -s $tarball ]]; then
  command -v npm >/dev/null || { echo "fetch-cjk-font: npm is needed once to fetch the PDF font" >&2; exit 1; }
  # packed beside the cache and renamed into it: a build running at the same time never reads half a tarball
  packing=$(mktemp -d "$cache/packing.XXXXXX")
  (cd "$packing" && npm pack --silent "@expo-google-fonts/noto-sans-sc@$version" >/dev/null)
  mv -f "$packing"/*.tgz "$tarball"
  rm -rf "$packing"
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
tar -xzf "$tarball" -C "$tmp" package/400Regular/NotoSansSC_400Regular.ttf package/700Bold/NotoSansSC_700Bold.ttf \
  package/LICENSE_FONT
cp "$tmp/package/400Regular/NotoSansSC_400Regular.ttf" "$out/NotoSansSC-Regular.ttf"
cp "$tmp/package/700Bold/NotoSansSC_700Bold.ttf" "$out/NotoSansSC-Bold.ttf"
cp "$tmp/package/LICENSE_FONT" "$out/NotoSansSC-LICENSE.txt"
