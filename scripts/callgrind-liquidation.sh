#!/usr/bin/env bash
# Instructions the program executes natively for the largest liquidation (both accounts holding 16 balances): the
# proxy we track for the 1.4 M compute-unit budget, since the embedded runtime does not meter compute. Callgrind
# collects inside `tightrope::entry` only, once for the scene plus one liquidation and once for the scene alone;
# the difference is the liquidation. Prints the total and the functions it spends most in (self cost).
set -euo pipefail
cd "$(dirname "$0")/.."
target="${CARGO_TARGET_DIR:-target}"
cargo build --release -p tightrope --example liquidation_bench
bench="$target/release/examples/liquidation_bench"
out="$(mktemp -d)"
for run in once:--once base:--iterations\ 0; do
  name="${run%%:*}"
  # shellcheck disable=SC2086
  valgrind --tool=callgrind --toggle-collect='tightrope::entry' --callgrind-out-file="$out/$name" $bench ${run#*:} >/dev/null 2>&1
done
total() { callgrind_annotate "$1" | awk '/PROGRAM TOTALS/ { gsub(",", "", $1); print $1 }'; }
echo "liquidation, 16 + 16 balances: $(( $(total "$out/once") - $(total "$out/base") )) instructions in the program's native path"
echo "where they go (self cost, the run with the liquidation less the run without):"
python3 - "$out/once" "$out/base" <<'PY'
import re, subprocess, sys
def costs(path):
    text = subprocess.run(["callgrind_annotate", "--threshold=100", path], capture_output=True, text=True).stdout
    out = {}
    for line in text.splitlines():
        m = re.match(r"\s*([\d,]+) \([^)]*\)\s+\S*?:(.+?) \[", line)
        if m:
            out[m.group(2)] = out.get(m.group(2), 0) + int(m.group(1).replace(",", ""))
    return out
once, base = costs(sys.argv[1]), costs(sys.argv[2])
diff = sorted(((once[k] - base.get(k, 0), k) for k in once), reverse=True)
total = sum(d for d, _ in diff if d > 0)
for d, k in diff[:12]:
    if d > 0:
        print(f"  {d:>12,}  {100 * d / total:5.1f}%  {k[:110]}")
PY
rm -rf "$out"
