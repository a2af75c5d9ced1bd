#!/usr/bin/env bash
# GPU check, for a machine with a real GPU (about 5-8 minutes on a data-centre GPU):
#   1. prints the WebGPU adapter Dawn finds (or the one-line reason there is none, and stops);
#   2. bench:train on webgpu vs wasm, and vs PyTorch on CUDA when a Python with CUDA torch is
#      there ($PYTHON, python3 or /usr/bin/python3);
#   3. the full-protocol trainer:distill --backend webgpu, timed;
#   4. writes bench/gpu.json (adapter, rows, wall times, the goals met or not).
# Run from anywhere: bash tools/bench/scripts/gpu-check.sh  (or: npx nx run bench:gpu-check)
# GPU_CHECK_DISTILL_ARGS replaces the trainer flags (default: --profile full) for a dry run.
set -euo pipefail
cd "$(dirname "$0")/../../.."
run_ts() { node --conditions=@painkd/source --import tsx "$@"; }
[ -d node_modules/webgpu ] || npm ci

echo "== 1/4 adapter"
run_ts tools/bench/src/gpu/adapter.ts

echo "== 2/4 bench:train (webgpu, wasm, PyTorch CUDA)"
torch=(--no-torch)
for py in "${PYTHON:-}" python3 /usr/bin/python3; do
  [ -n "$py" ] && command -v "$py" >/dev/null 2>&1 || continue
  if "$py" -c 'import sys, torch; sys.exit(0 if torch.cuda.is_available() else 1)' >/dev/null 2>&1; then
    torch=(--torch-devices cuda --python "$(command -v "$py")")
    break
  fi
done
[ "${torch[0]}" = "--no-torch" ] && echo "(no Python with CUDA torch found: the PyTorch CUDA column stays empty)"
run_ts tools/bench/src/train/main.ts --nets teacher-cnn,student-tiny --backends webgpu,wasm --windows 3 "${torch[@]}" --out bench/gpu-train.json

echo "== 3/4 trainer:distill --backend webgpu"
args="${GPU_CHECK_DISTILL_ARGS:---profile full} --backend webgpu"
start=$(date +%s%N)
# The CLI itself, as `npx nx run trainer:distill` runs it, without nx's start-up in the timing.
# shellcheck disable=SC2086 # the flags are meant to split
run_ts apps/trainer/src/main.ts $args --out "$PWD/bench/gpu-distill"
wall_ms=$((($(date +%s%N) - start) / 1000000))

echo "== 4/4 bench/gpu.json"
run_ts tools/bench/src/gpu/main.ts --train bench/gpu-train.json --report bench/gpu-distill/report.json --args="$args" --wall-ms "$wall_ms" --out bench/gpu.json
