#!/usr/bin/env bash
# Rebuilds the server's yjs bundle from the npm registry (needs Node 18+ and npm).
# Output: app/src/main/resources/writing/yjs/yjs-server.js and LICENSES.txt, read by WritingEngine
# through GraalJS. Run it after changing a version in package.json (keep yjs and lib0 at the versions
# of tools/collab/package.json: the server must read what the browsers write), then commit both files;
# the Maven build never runs Node.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../../app/src/main/resources/writing/yjs"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$here/package.json" "$here/entry.js" "$here/shim.js" "$work/"
cd "$work"
npm install --no-audit --no-fund --silent
mkdir -p "$out"
# An IIFE, not a module: GraalJS evaluates it as a plain script that sets globalThis.RencontresYjs.
npx esbuild entry.js --bundle --format=iife --minify --legal-comments=none --target=es2020 --outfile="$out/yjs-server.js"
{
  echo "Third-party code bundled in yjs-server.js (built by tools/yjs-server/build.sh from npm):"
  for p in yjs lib0; do
    v=$(node -p "require('./node_modules/$p/package.json').version")
    echo; echo "================ $p $v ================"
    cat node_modules/$p/LICENSE* 2>/dev/null || node -p "'License: ' + require('./node_modules/$p/package.json').license"
  done
} > "$out/LICENSES.txt"
ls -l "$out"
