/** @module The `--help` text of `nx run trainer:distill`. */

/** Printed by `--help` and after a flag error. */
export const USAGE = `Usage: npx nx run trainer:distill [-- <flags>]

Trains a teacher and distils students under subject-grouped cross-validation, then writes
report.json, report.md, report.html, the final nets and the ONNX artifact.

Without --data it uses the embedded synthetic cohort (generated once into .cache/ at the repo root).

Flags:
  --data <dir>        BioVid folder (Part A layout or one folder per class)
  --config <file>     experiment config JSON (see libs/distill experiment-config.ts); flags override it
  --profile <p>       quick (default: small cohort, minutes) | full (87 subjects × 100 windows, 5 folds)
  --preset <p>        default (teacher and students see lab GSR at 32 Hz) | privileged (a five-channel
                      lab teacher, 4 Hz wrist-GSR students at four sizes, BL1 vs PA4, repeated CV)
  --repeats <n>       repeated cross-validation: n fold seeds, every method on the same folds
  --cv <scheme>       group-kfold (default) | loso (leave one subject out)
  --folds <n>         folds for group-kfold (default 5)
  --task <t>          multiclass (BL1, PA1–PA4; default) | binary (BL1 vs PA4)
  --backend <name>    auto (default: a hardware GPU through webgpu, else wasm) | webgpu | tfjs-node-gpu
                      | tfjs-node | wasm | cpu
  --seed <n>          seed of folds, initial weights and batch order (default 42)
  --workers <n>       parallel fold workers (default: one per core)
  --out <dir>         output folder (default artifacts/ at the repo root); replaced atomically at the end
  --queue <url>       redis://host:port — coordinate: jobs go to a BullMQ queue there, and workers
                      started anywhere with \`npx nx run trainer:worker -- --queue <url>\` train them
  --resume <id>       with --queue: pick up the experiment with this id (printed at its start) after
                      the coordinator stopped; its config comes from Redis (BioVid: give --data again)
  --help              this text

Relative paths are taken from the repo root under nx (from the current folder otherwise).

Exit codes: 0 done, 1 failure, 2 bad flag/config/data, 130 interrupted (nothing half-written).`;
