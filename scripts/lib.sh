# Sourced by start.sh and test.sh: installs what Corridor needs to build, run and test,
# skipping whatever is already there, and puts the tools on PATH for the calling script.
# Debian and Ubuntu only (CI checks Debian; see the README for macOS and Windows).

say() { printf '\033[1;34m==>\033[0m %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# System packages: the WebKitGTK webview and its headers, Xvfb for headless runs,
# WebKitWebDriver for end-to-end tests, and Chromium for the UI tests.
ensure_system_packages() {
  local packages=(libwebkit2gtk-4.1-dev libsoup-3.0-dev libjavascriptcoregtk-4.1-dev librsvg2-dev
    libayatana-appindicator3-dev libxdo-dev libssl-dev build-essential pkg-config file curl
    ca-certificates xz-utils xvfb xauth webkit2gtk-driver)
  local missing=() p
  for p in "${packages[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  # Debian ships Chromium as `chromium`; Ubuntu as `chromium-browser` (a snap).
  if ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1; then
    if apt-cache show chromium >/dev/null 2>&1; then missing+=(chromium); else missing+=(chromium-browser); fi
  fi
  if ((${#missing[@]})); then
    say "installing system packages: ${missing[*]}"
    as_root apt-get update -q
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -q --no-install-recommends "${missing[@]}"
  fi
  if [ -z "${CHROMIUM_PATH:-}" ]; then
    CHROMIUM_PATH=$(command -v chromium || command -v chromium-browser || true)
    export CHROMIUM_PATH
  fi
}

# Rust: the machine's toolchain, or rustup's stable when there is none.
ensure_rust() {
  [ -x "$HOME/.cargo/bin/cargo" ] && export PATH="$HOME/.cargo/bin:$PATH"
  if ! command -v cargo >/dev/null 2>&1; then
    say "installing Rust with rustup"
    curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal -c clippy,rustfmt
    export PATH="$HOME/.cargo/bin:$PATH"
  fi
}

# Node.js 20.19 or newer (Vite 8 needs it; Debian 12's own nodejs is 18). When the machine has
# none, the latest Node.js 20 from nodejs.org goes into .tools/node of this checkout.
ensure_node() {
  local root=$PWD/.tools/node
  [ -x "$root/bin/node" ] && export PATH="$root/bin:$PATH"
  if node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a==20&&b>=19)?0:1)' 2>/dev/null; then
    return
  fi
  local arch
  case "$(uname -m)" in x86_64) arch=x64 ;; aarch64) arch=arm64 ;; *) echo "no Node.js build for $(uname -m)" >&2; return 1 ;; esac
  say "installing Node.js 20 into .tools/node"
  local base=https://nodejs.org/dist/latest-v20.x
  local line
  line=$(curl -fsSL "$base/SHASUMS256.txt" | grep " node-v20.*-linux-$arch.tar.xz\$")
  local sum=${line%% *} file=${line##* }
  local tmp
  tmp=$(mktemp -d)
  curl -fsSL -o "$tmp/$file" "$base/$file"
  echo "$sum  $tmp/$file" | sha256sum -c --quiet
  rm -rf "$root" && mkdir -p "$root"
  tar -xJf "$tmp/$file" -C "$root" --strip-components=1
  rm -rf "$tmp"
  export PATH="$root/bin:$PATH"
}

# npm packages of a folder, exactly as locked, when missing or older than the lockfile.
ensure_npm() {
  local dir=$1
  if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    say "installing npm packages in $dir"
    (cd "$dir" && npm ci --no-audit --no-fund)
  fi
}

ensure_deps() {
  ensure_system_packages
  ensure_rust
  ensure_node
  ensure_npm ui
}
