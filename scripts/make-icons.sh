#!/usr/bin/env bash
# Draws Opsdeck's icons with ImageMagick: the app icon, the Linux icon set and
# the tray icons. Run from anywhere; writes into resources/. Needs ImageMagick 6 or 7.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/resources"
if command -v magick >/dev/null; then im=(magick); else im=(convert); fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out/icons" "$out/tray"

# The mark, on a 1024 canvas: a gauge (240° arc, needle, hub) centred at 512,560.
# The arc is a polyline (radius 300, 150° to 390°) because ImageMagick 6 closes SVG arc paths.
arc_points="$(awk 'BEGIN { for (a = 150; a <= 390; a += 5) printf "%.1f,%.1f ", 512 + 300 * cos(a * 3.14159265 / 180), 560 + 300 * sin(a * 3.14159265 / 180) }')"
gauge_arc="stroke-linejoin round polyline $arc_points"
needle="line 512,560 668,388"
hub="circle 512,560 512,616"

# App icon: the gauge in white on a blue-to-teal rounded square.
"${im[@]}" -size 1024x1024 xc:none -fill white -draw "roundrectangle 64,64 959,959 200,200" "$work/mask.png"
"${im[@]}" -size 1024x1024 gradient:'#2f6fde-#0f8a80' "$work/mask.png" \
  -alpha off -compose CopyOpacity -composite "$work/square.png"
"${im[@]}" "$work/square.png" \
  -fill none -stroke white -strokewidth 84 -draw "stroke-linecap round $gauge_arc" \
  -strokewidth 64 -draw "stroke-linecap round $needle" \
  -stroke none -fill white -draw "$hub" \
  "$work/app-1024.png"

"${im[@]}" "$work/app-1024.png" -strip -resize 512x512 "PNG32:$out/icon.png"
for size in 16 32 48 64 128 256 512; do
  "${im[@]}" "$work/app-1024.png" -strip -resize "${size}x${size}" "PNG32:$out/icons/${size}x${size}.png"
done

# Tray icons are 16 px (32 px at @2x): the same square and gauge with heavier strokes
# so the shape survives at that size, and a red dot with a white ring for the alert variant.
"${im[@]}" "$work/square.png" \
  -fill none -stroke white -strokewidth 130 -draw "stroke-linecap round $gauge_arc" \
  -strokewidth 110 -draw "stroke-linecap round $needle" \
  -stroke none -fill white -draw "circle 512,560 512,640" \
  "$work/tray-1024.png"
"${im[@]}" "$work/tray-1024.png" \
  -fill white -draw "circle 790,234 790,464" \
  -fill '#e5393b' -draw "circle 790,234 790,420" \
  "$work/tray-alert-1024.png"

# macOS menu bar template: the gauge alone in black on transparency; the system tints it.
"${im[@]}" -size 1024x1024 xc:none \
  -fill none -stroke black -strokewidth 130 -draw "stroke-linecap round $gauge_arc" \
  -strokewidth 110 -draw "stroke-linecap round $needle" \
  -stroke none -fill black -draw "circle 512,560 512,640" \
  -trim +repage -gravity center -background none -extent 1024x1024 \
  "$work/template-1024.png"

for name in tray tray-alert; do
  "${im[@]}" "$work/$name-1024.png" -strip -resize 16x16 "PNG32:$out/tray/$name.png"
  "${im[@]}" "$work/$name-1024.png" -strip -resize 32x32 "PNG32:$out/tray/$name@2x.png"
done
"${im[@]}" "$work/template-1024.png" -strip -resize 16x16 "PNG32:$out/tray/trayTemplate.png"
"${im[@]}" "$work/template-1024.png" -strip -resize 32x32 "PNG32:$out/tray/trayTemplate@2x.png"

echo "icons written to $out"
