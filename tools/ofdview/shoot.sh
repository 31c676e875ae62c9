#!/bin/sh
# shoot.sh FILE.ofd PAGE OUT.png — renders page PAGE (from 0) of an OFD file
# with ofd.js in headless Chromium and saves a screenshot (about 96 dpi).
# Needs `npm ci` in this folder and Debian's chromium. A manual check, kept
# out of go test: look at the picture beside the PDF's
# (pdftoppm -r 102 -png FILE.pdf).
set -e
dir=$(cd "$(dirname "$0")" && pwd)
file=$(realpath "$1")
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
	--disable-background-networking --disable-component-update --disable-sync \
	--user-data-dir="$profile" --allow-file-access-from-files --hide-scrollbars \
	--window-size=840,1188 --virtual-time-budget=15000 --screenshot="$3" \
	"file://$dir/view.html?file=$file&page=$2&width=850" 2>/dev/null >/dev/null
