#!/bin/sh
# Makes the site's web fonts from the theme's TrueType fonts: a WOFF file per style with the Latin
# characters (themes/default/assets/fonts/*.woff), made by our own subsetter (Sources/font-subset). Run it
# after changing the fonts in themes/default/fonts; the result is committed, so a build needs no tool.
#   scripts/fonts/webfonts.sh [THEME]      # default: themes/default
set -e
cd "$(dirname "$0")/../.."
THEME=${1:-themes/default}
swift build -c release --product font-subset >/dev/null
mkdir -p "$THEME/assets/fonts"
for ttf in "$THEME"/fonts/*.ttf; do
    name=$(basename "$ttf" .ttf)
    .build/release/font-subset "$ttf" "$THEME/assets/fonts/$name.woff"
done
