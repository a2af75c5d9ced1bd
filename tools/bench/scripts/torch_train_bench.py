"""Training-throughput baseline for `npx nx run bench:train`: PyTorch side (CPU, or CUDA).

Reads a JSON job from argv[1] — {"spec": NetSpec, "batch": int, "threads": int, "warmup": int,
"windows": int, "seconds": float (per window), "seed": int, "device": "cpu" | "cuda"} — builds
the IDENTICAL network from the painkd NetSpec (same layers,
same TF 'same' padding, same BN epsilon/momentum, same dropout), trains it with Adam and
cross-entropy on random windows, and prints one JSON line: ms per step and samples/s after
warm-up, best timing window, by wall clock and by process CPU time. On CUDA every window ends
with torch.cuda.synchronize(), so it times finished work. Exits 3 with a message when CUDA is
asked for and not available. Run with Debian's /usr/bin/python3 (torch 1.13) for the CPU side.
"""
import json
import math
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


class SamePad(nn.Module):
    """TF/tfjs 'same' padding: ceil(L/stride) outputs, the odd zero at the end."""

    def __init__(self, kernel, stride):
        super().__init__()
        self.kernel, self.stride = kernel, stride

    def forward(self, x):
        length = x.shape[-1]
        out = math.ceil(length / self.stride)
        total = max((out - 1) * self.stride + self.kernel - length, 0)
        return F.pad(x, (total // 2, total - total // 2))


class GlobalAvgPool(nn.Module):
    def forward(self, x):
        return x.mean(dim=2)


class SpecNet(nn.Module):
    """A torch module from a painkd NetSpec; tensors are NCW (torch) where painkd is NWC."""

    def __init__(self, spec):
        super().__init__()
        channels, length = spec["input"]["channels"], spec["input"]["length"]
        flat = None
        layers = []
        for layer in spec["layers"]:
            kind = layer["kind"]
            if kind == "conv1d":
                if layer["padding"] == "same":
                    layers.append(SamePad(layer["kernelSize"], layer["stride"]))
                    length = math.ceil(length / layer["stride"])
                else:
                    length = (length - layer["kernelSize"]) // layer["stride"] + 1
                layers.append(nn.Conv1d(channels, layer["filters"], layer["kernelSize"], layer["stride"], bias=layer["useBias"]))
                channels = layer["filters"]
            elif kind == "batchNorm":
                n = channels if flat is None else flat
                layers.append(nn.BatchNorm1d(n, eps=layer["epsilon"], momentum=1 - layer["momentum"]))
            elif kind == "relu":
                layers.append(nn.ReLU())
            elif kind in ("maxPool1d", "avgPool1d"):
                pool = nn.MaxPool1d if kind == "maxPool1d" else nn.AvgPool1d
                layers.append(pool(layer["poolSize"], layer["stride"]))
                length = (length - layer["poolSize"]) // layer["stride"] + 1
            elif kind == "globalAvgPool1d":
                layers.append(GlobalAvgPool())
                flat = channels
            elif kind == "flatten":
                # painkd flattens NWC (length-major); transpose so the weights line up.
                layers.append(nn.Flatten())
                flat = channels * length
            elif kind == "dropout":
                layers.append(nn.Dropout(layer["rate"]))
            elif kind == "dense":
                layers.append(nn.Linear(flat, layer["units"], bias=layer["useBias"]))
                flat = layer["units"]
            else:
                raise ValueError(f"unsupported layer kind {kind}")
        self.body = nn.Sequential(*layers)

    def forward(self, x):
        return self.body(x)


def main():
    job = json.load(open(sys.argv[1]))
    torch.manual_seed(job.get("seed", 1))
    torch.set_num_threads(job["threads"])
    torch.set_num_interop_threads(1)
    device = job.get("device", "cpu")
    if device == "cuda" and not torch.cuda.is_available():
        print(f"torch {torch.__version__} has no usable CUDA device", file=sys.stderr)
        sys.exit(3)
    sync = torch.cuda.synchronize if device == "cuda" else (lambda: None)
    spec = job["spec"]
    net = SpecNet(spec).to(device)
    params = sum(p.numel() for p in net.parameters())
    batch = job["batch"]
    x = torch.randn(batch, spec["input"]["channels"], spec["input"]["length"], device=device)
    y = torch.randint(0, spec["classes"], (batch,), device=device)
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    net.train()

    def step():
        opt.zero_grad(set_to_none=True)
        loss = F.cross_entropy(net(x), y)
        loss.backward()
        opt.step()

    for _ in range(job["warmup"]):
        step()
    sync()
    # Several timing windows; keep the best of each clock, so load from other processes on a
    # shared machine inflates neither (CPU time is the process's user + system time).
    best_wall, best_cpu, total_steps = math.inf, math.inf, 0
    for _ in range(job["windows"]):
        steps, wall0, cpu0 = 0, time.perf_counter(), time.process_time()
        while True:
            step()
            steps += 1
            wall = time.perf_counter() - wall0
            if wall >= job["seconds"] and steps >= 2:
                break
        sync()
        wall = time.perf_counter() - wall0
        cpu = time.process_time() - cpu0
        best_wall, best_cpu = min(best_wall, wall / steps), min(best_cpu, cpu / steps)
        total_steps += steps
    print(json.dumps({
        "torch": torch.__version__,
        "device": torch.cuda.get_device_name(0) if device == "cuda" else "cpu",
        "params": params,
        "threads": torch.get_num_threads(),
        "steps": total_steps,
        "wallMsPerStep": best_wall * 1000,
        "cpuMsPerStep": best_cpu * 1000,
        "samplesPerSecWall": batch / best_wall,
        "samplesPerSecCpu": batch / best_cpu,
    }))


if __name__ == "__main__":
    main()
