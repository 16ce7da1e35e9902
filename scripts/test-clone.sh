#!/usr/bin/env bash
# Runs `npm test` (the Node and browser suites) in a copy of the repository that has nothing beside it: no
# ../shared, no files git ignores. It copies what a commit of the working tree would hold (tracked files plus
# new files git does not ignore) into a fresh temporary folder, hard-links node_modules into it (or runs
# `npm ci` when there is none to link) and runs the suites there. Usage: scripts/test-clone.sh [npm script…]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
clone="$tmp/vtex-elements"
mkdir "$clone"
git -C "$root" ls-files -z --cached --others --exclude-standard |
  (cd "$root" && xargs -0 -r sh -c 'for f; do [ -e "$f" ] && printf "%s\0" "$f"; done' sh) |
  tar -C "$root" --null -T - -cf - | tar -C "$clone" -xf -
git -C "$clone" init -q # a clone is a repository; some tools look for its root
if [ -d "$root/node_modules" ]; then
  cp -al "$root/node_modules" "$clone/node_modules"
else
  (cd "$clone" && npm ci --no-audit --no-fund)
fi
cd "$clone"
echo "running in $clone (nothing beside it: $(ls "$tmp"))"
if [ $# -eq 0 ]; then set -- test; fi
for script in "$@"; do npm run --silent "$script"; done
