#!/bin/bash
# Rebuilds every font file and licence in this directory (Debian 12, root, network for apt and npm).
#
#   1. the shared recipe make_fonts.sh (four GB2312 subsets: 小标宋, 仿宋, 黑体, 楷体 stand-ins + licences);
#   2. the broad-coverage fallback: full Noto Serif SC Regular (TrueType, OFL-1.1) from the npm package
#      @expo-google-fonts/noto-serif-sc@0.4.3. It covers rare name characters (喆 堃 玥 珺 赟 祎 彧 䶮 …)
#      and also serves the 宋体 role.
#
# The recipe is looked up in $FONT_RECIPE, then ../tools/fonts/make_fonts.sh (if vendored into the repo),
# then /work/shared/tools/fonts/make_fonts.sh.
#
# Usage: fonts/build.sh            (rebuilds in place; README.md, build.sh and *.go are left alone)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
RECIPE=${FONT_RECIPE:-}
for c in "$HERE/../tools/fonts/make_fonts.sh" /work/shared/tools/fonts/make_fonts.sh; do
  [ -n "$RECIPE" ] && break
  [ -f "$c" ] && RECIPE=$c
done
[ -n "$RECIPE" ] && [ -f "$RECIPE" ] || { echo "找不到字体构建脚本 make_fonts.sh（可用 FONT_RECIPE 指定）" >&2; exit 1; }

export DEBIAN_FRONTEND=noninteractive
# otf2ttf.py saves with fontTools' default recalcTimestamp, which stamps head.modified with the current time;
# fontTools honours SOURCE_DATE_EPOCH, so pin it (2023-01-22, the texlive-lang-chinese 2022.20230122 release)
# to make FandolFang byte-identical on every run.
export SOURCE_DATE_EPOCH=1674345600
# make_fonts.sh calls pyftsubset, which Debian ships in the 'fonttools' package (python3-fonttools has only the module).
command -v pyftsubset >/dev/null || { apt-get update -qq; apt-get install -y -qq --no-install-recommends fonttools python3-fonttools >/dev/null; }
command -v npm >/dev/null || apt-get install -y -qq --no-install-recommends npm >/dev/null

WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT
mkdir "$WORK/out"
bash "$RECIPE" "$WORK/out" gb2312 >/dev/null

# Fallback: full Noto Serif SC Regular (same OFL licence file as the Black weight).
(
  cd "$WORK"
  npm pack --silent @expo-google-fonts/noto-serif-sc@0.4.3 >/dev/null
  tar xzf expo-google-fonts-noto-serif-sc-0.4.3.tgz package/400Regular/NotoSerifSC_400Regular.ttf package/LICENSE_FONT
  cmp package/LICENSE_FONT out/LICENSE-NotoSerifSC-OFL.txt
  cp package/400Regular/NotoSerifSC_400Regular.ttf out/
)

# Coverage check: the fallback must have every rare name character we promise.
/usr/bin/python3 - "$WORK/out/NotoSerifSC_400Regular.ttf" <<'EOF'
import sys
from fontTools.ttLib import TTFont
cmap = TTFont(sys.argv[1], lazy=True).getBestCmap()
missing = [c for c in "喆堃玥珺赟祎彧䶮" if ord(c) not in cmap]
if missing:
    sys.exit("后备字体缺字：" + "".join(missing))
EOF

rm -f "$HERE"/*.ttf "$HERE"/LICENSE-* "$HERE"/README-Fandol.txt
cp "$WORK"/out/* "$HERE/"
(cd "$HERE" && sha256sum *.ttf && du -sh .)
