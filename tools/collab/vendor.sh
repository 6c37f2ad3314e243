#!/usr/bin/env bash
# Rebuilds the vendored collective-writing bundle from the npm registry (needs Node 18+ and npm).
# Output: app/src/main/resources/static/vendor/collab/collab.js and LICENSES.txt. Run it after
# changing a version in package.json, then commit both files; the Maven build never runs Node.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../../app/src/main/resources/static/vendor/collab"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$here/package.json" "$here/entry.js" "$work/"
cd "$work"
npm install --no-audit --no-fund --silent
mkdir -p "$out"
npx esbuild entry.js --bundle --format=esm --minify --legal-comments=none --target=es2020 --outfile="$out/collab.js"
{
  echo "Third-party code bundled in collab.js (built by tools/collab/vendor.sh from npm):"
  for p in $(node -e 'console.log(Object.keys(require("./package.json").dependencies).filter(p => p !== "esbuild").join(" "))') ; do
    v=$(node -p "require('./node_modules/$p/package.json').version")
    echo; echo "================ $p $v ================"
    cat node_modules/$p/LICENSE* 2>/dev/null || node -p "'License: ' + require('./node_modules/$p/package.json').license"
  done
} > "$out/LICENSES.txt"
ls -l "$out"
