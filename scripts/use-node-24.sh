# Puts a supported Node.js first on PATH for this shell (or for one command).
#
#   . scripts/use-node-24.sh              # in the current shell
#   bash scripts/use-node-24.sh npm test  # run one command with it
#
# The machine's Node is used when it is already the target major (24) or newer. Otherwise Node 24 is installed
# from the npm registry's `node@24` package into .runtime/node-24 (once; later runs reuse it), its bin/ goes
# first on PATH and npm_config_nodedir points at the headers that package carries, so native addons compile
# against the Node that runs them. NODE_MAJOR=22 does the same with Node 22, to check the oldest supported line.

use_node_main() {
  local root want have prefix bin nodedir
  root="$(cd "$(dirname "${BASH_SOURCE[0]:-$0}")/.." && pwd)"
  want="${NODE_MAJOR:-24}"
  have="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"

  if [ -z "${NODE_MAJOR:-}" ] && [ "$have" -ge "$want" ]; then
    return 0
  fi
  if [ -n "${NODE_MAJOR:-}" ] && [ "$have" -eq "$want" ]; then
    return 0
  fi

  prefix="$root/.runtime/node-$want"
  bin="$prefix/node_modules/node/bin"
  if ! [ -x "$bin/node" ] || ! "$bin/node" -e 'process.exit(0)' 2>/dev/null; then
    echo "Installing Node $want from the npm registry into ${prefix#"$root"/}" >&2
    rm -rf "$prefix"
    mkdir -p "$prefix"
    # The package's preinstall script adds the binary for this platform as a package of its own: allow it.
    printf '{ "private": true, "allowScripts": { "node": true } }\n' >"$prefix/package.json"
    npm install --prefix "$prefix" --no-audit --no-fund "node@$want" >&2 || return 1
  fi
  nodedir="$(find "$prefix/node_modules" -path '*/include/node/node.h' -print -quit)"
  if [ -z "$nodedir" ]; then
    echo "Node $want was installed without its headers under $prefix" >&2
    return 1
  fi
  nodedir="${nodedir%/include/node/node.h}"

  export PATH="$bin:$PATH"
  export npm_config_nodedir="$nodedir"
  hash -r
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  use_node_main
  if [ "$#" -gt 0 ]; then exec "$@"; fi
  node -v
else
  use_node_main || return 1
fi
unset -f use_node_main
