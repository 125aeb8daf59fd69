#!/bin/sh
# The build command of Cloudflare Pages (see wrangler.toml).
set -eu
# Where folio is installed from (`cargo install --git`).
FOLIO_GIT="${FOLIO_GIT:-{FOLIO_GIT}}"
if ! command -v cargo >/dev/null 2>&1; then
  curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal
  . "$HOME/.cargo/env"
fi
cargo install --locked --git "$FOLIO_GIT" folio
# The address comes from base_url in site.yaml (the site's own domain).
folio build
