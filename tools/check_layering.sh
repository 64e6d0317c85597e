#!/usr/bin/env bash
# Fails when the engine's layering is broken: an include from the pipeline's stages up to the facade, a storage
# backend that names a vtiger module (the record rules live in engine/catalog/record_rules.*), or a tool that
# builds a webservice envelope by hand instead of through include/vtql/output.hpp.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
failed=0
complain() { echo "layering: $*" >&2; failed=1; }

# The stages below the facade never include it, nor the internal view of it.
if hits=$(grep -rnE '#include "(vtql/engine|vtql/database|vtql/exchange|engine/internal)\.hpp"' \
            engine/storage engine/binder engine/planner engine/executor engine/types engine/catalog grammar); then
  complain "a pipeline stage includes the facade:"$'\n'"$hits"
fi
# No backend file names a module of the standard schema.
modules=$(grep -oE '^  "[A-Z][A-Za-z]+": \{' engine/catalog/data/vtiger-modules.json | grep -oE '[A-Z][A-Za-z]+' |
          paste -sd '|')
[ -n "$modules" ] || complain "found no module names in engine/catalog/data/vtiger-modules.json"
if hits=$(grep -rnwE "$modules" engine/storage); then
  complain "a storage file names a module (ask engine/catalog/record_rules.hpp instead):"$'\n'"$hits"
fi
# The envelope is written by the library only.
if hits=$(grep -rn 'success\\"' tools/); then
  complain "a tool writes a webservice envelope by hand (use vtql/output.hpp):"$'\n'"$hits"
fi
[ "$failed" -eq 0 ] && echo "layering: stages below the facade, module-free backends, one envelope writer"
exit "$failed"
