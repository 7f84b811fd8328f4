/**
 * The probe python-finder.ts runs under each candidate Python (`python -c`): prints one JSON line
 * describing it. Old syntax on purpose, so any Python 3 can run it and say what it is. Kept as a
 * string so it ships inside the compiled engine.
 */
export const PYTHON_PROBE_SCRIPT = String.raw`
import json
import platform
import shutil
import subprocess
import sys

out = {
    "pythonVersion": platform.python_version(),
    "executable": sys.executable,
    "numpyVersion": None,
    "torchVersion": None,
    "torchError": None,
    "cudaAvailable": False,
    "cudaVersion": None,
    "gpus": [],
    "nvidiaSmi": [],
}
try:
    import numpy

    out["numpyVersion"] = numpy.__version__
except Exception:
    pass
try:
    import torch

    out["torchVersion"] = torch.__version__
    out["cudaVersion"] = torch.version.cuda
    out["cudaAvailable"] = bool(torch.cuda.is_available())
    if out["cudaAvailable"]:
        for i in range(torch.cuda.device_count()):
            p = torch.cuda.get_device_properties(i)
            out["gpus"].append({
                "index": i,
                "name": p.name,
                "memoryMb": int(p.total_memory // (1024 * 1024)),
                "capability": "%d.%d" % (p.major, p.minor),
                "driverVersion": None,
            })
except Exception as e:  # not installed, or installed but broken (e.g. a numpy ABI mismatch)
    out["torchError"] = "%s: %s" % (type(e).__name__, e)

smi = shutil.which("nvidia-smi")
if smi:
    try:
        r = subprocess.run(
            [smi, "--query-gpu=index,name,memory.total,driver_version", "--format=csv,noheader,nounits"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, universal_newlines=True, timeout=10,
        )
        for line in r.stdout.strip().splitlines():
            cols = [c.strip() for c in line.split(",")]
            if len(cols) == 4:
                out["nvidiaSmi"].append({
                    "index": int(cols[0]), "name": cols[1], "memoryMb": int(float(cols[2])),
                    "capability": None, "driverVersion": cols[3],
                })
    except Exception:
        pass
    # The driver is one per machine: give it to the GPUs torch sees.
    if out["nvidiaSmi"]:
        for g in out["gpus"]:
            g["driverVersion"] = out["nvidiaSmi"][0]["driverVersion"]

print(json.dumps(out))
`;
