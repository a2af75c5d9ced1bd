/** @module The `--help` text of `nx run trainer:worker`. */

/** Printed by `--help`. */
export const WORKER_USAGE = `Usage: npx nx run trainer:worker -- --queue redis://host:port [<flags>]

Joins the experiment queue in that Redis and trains the jobs of any coordinator
(\`npx nx run trainer:distill -- --queue redis://host:port\`) until stopped. Start as many as
you like, on any machine that reaches the Redis; they may join and leave at any time.

Flags:
  --queue <url>          redis://host:port (required)
  --concurrency <n>      jobs at once, one worker thread each (default 1; up to one per core)
  --backend <name>       auto (default: a hardware GPU through webgpu, else wasm) | webgpu
                         | tfjs-node-gpu | tfjs-node | wasm | cpu — use the same on every worker
                         for reports equal to float tolerance
  --data <dir>           this machine's BioVid folder, for BioVid experiments (synthetic cohorts are
                         regenerated from their seed into .cache/); a copy whose windows hash
                         differently from the coordinator's is refused
  --stall-timeout <s>    seconds after which a job of a worker that died goes to another (default 30)
  --name <name>          worker name in Redis and logs (default <host>-<pid>)
  --help                 this text

Ctrl-C or SIGTERM: stop taking jobs and finish the running ones; a second time: stop now (the
jobs it held go to other workers after --stall-timeout).`;
