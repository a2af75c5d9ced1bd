"""Independent validation of painkd's ONNX files with the reference `onnx` package.

Usage: /usr/bin/python3 check_onnx.py FILE.onnx [FILE.onnx ...]

Runs onnx.checker.check_model(onnx.load(path), full_check=True) (full_check adds strict shape
inference) on every file, prints one line per file, and exits 1 if any is rejected. When the
`onnx` module is absent (Debian: apt-get install python3-onnx) it prints a SKIPPED line and
exits 0, so the check is optional where it cannot run.
"""
import sys

try:
    import onnx
except ImportError:
    print("SKIPPED: python3-onnx is not installed (Debian: apt-get install python3-onnx); ONNX files were not checked")
    sys.exit(0)


def main(paths):
    if not paths:
        print("usage: check_onnx.py FILE.onnx [FILE.onnx ...]", file=sys.stderr)
        return 2
    failed = 0
    for path in paths:
        try:
            model = onnx.load(path)
            onnx.checker.check_model(model, full_check=True)
            opsets = ",".join(f"{o.domain or 'ai.onnx'}:{o.version}" for o in model.opset_import)
            print(f"OK      {path} (onnx {onnx.__version__}, ir {model.ir_version}, opset {opsets}, {len(model.graph.node)} nodes)")
        except Exception as error:  # the checker raises several exception types
            failed += 1
            print(f"FAILED  {path}: {type(error).__name__}: {error}")
    print(f"{len(paths) - failed}/{len(paths)} files pass onnx.checker.check_model(full_check=True)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
