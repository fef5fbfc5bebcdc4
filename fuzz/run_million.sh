#!/bin/sh
# The long fuzzing run recorded in BENCHMARKS.md (« Reliability »): one million inputs in two
# parallel processes, one per core. The rule engine costs about 20 ms an input (every input is
# linted, fixed and fixed again), the document builders and corpus readers well under 1 ms, so
# the engine gets its own process and a smaller share of the inputs.
#   sh fuzz/run_million.sh OUT_FOLDER
set -eu
out=${1:?usage: sh fuzz/run_million.sh OUT_FOLDER}
here=$(dirname "$0")
python=${PYTHON:-python}
mkdir -p "$out/corpus-engine" "$out/corpus-inputs"
cp "$here"/seeds/* "$out/corpus-engine/"
cp "$here"/seeds/* "$out/corpus-inputs/"
"$python" "$here/fuzz_textlint.py" --targets engine --stats "$out/engine.json" --crashes "$out/crashes" \
    -runs=60000 -max_len=512 -timeout=60 "$out/corpus-engine" > "$out/engine.log" 2>&1 &
engine=$!
"$python" "$here/fuzz_textlint.py" --targets document readers --stats "$out/inputs.json" \
    --crashes "$out/crashes" -runs=940000 -max_len=2048 -timeout=60 "$out/corpus-inputs" > "$out/inputs.log" 2>&1 &
inputs=$!
status=0
wait "$engine" || status=$?
wait "$inputs" || status=$?
"$python" - "$out" <<'PY'
import json, sys
from pathlib import Path
out = Path(sys.argv[1])
runs = [json.loads((out / name).read_text()) for name in ("engine.json", "inputs.json")]
total = {key: sum(run.get(key, 0) for run in runs) for key in sorted({k for run in runs for k in run})}
total["seconds"] = max(run["seconds"] for run in runs)
print(json.dumps(total, indent=2))
PY
exit $status
