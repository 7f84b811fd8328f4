"""Job folders (engine/workers/job-folder.ts): the manifest, memory-mapped `.npy` inputs, devices."""
import json
import os
import warnings

import numpy as np
import torch

from worker_protocol import WorkerFailure


def read_json(path, what):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except FileNotFoundError:
        raise WorkerFailure("The %s %s does not exist." % (what, path))
    except ValueError as e:
        raise WorkerFailure("The %s %s is not valid JSON: %s" % (what, path, e))


def load_manifest(job):
    path = job["manifest"]
    if not os.path.isabs(path):
        path = os.path.join(job["job_dir"], path)
    manifest = read_json(path, "job manifest")
    if manifest.get("format") != "millrace-job" or manifest.get("version") != 1:
        raise WorkerFailure("%s is not a Millrace job manifest (format millrace-job, version 1)." % path)
    manifest["_folder"] = os.path.dirname(os.path.abspath(path))
    return manifest


def open_array(manifest, entry, what):
    """Memory-maps one `.npy` input (no copy) and checks it against the manifest."""
    path = os.path.join(manifest["_folder"], entry["file"])
    shape = tuple(entry["shape"])
    if 0 in shape:
        return np.zeros(shape, dtype=np.float32)  # numpy cannot memory-map zero bytes
    try:
        array = np.load(path, mmap_mode="r")
    except FileNotFoundError:
        raise WorkerFailure("The %s file %s is missing from the job folder." % (what, path))
    if array.dtype != np.float32 or array.shape != shape:
        raise WorkerFailure(
            "%s holds %s %s; the manifest says float32 %s." % (path, array.dtype, array.shape, shape)
        )
    return array


def as_tensor(array):
    """Wraps a numpy array without copying. numpy's memory maps are read-only, and torch warns about
    that; the worker never writes into its inputs."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        return torch.from_numpy(array)


def dataset(manifest, name, need_target):
    entry = manifest["datasets"].get(name)
    if entry is None:
        return None
    features = as_tensor(open_array(manifest, entry["features"], "%s features" % name))
    target = None
    if need_target:
        if entry.get("target") is None:
            raise WorkerFailure("The %s data has no target column in the job folder." % name)
        target = as_tensor(open_array(manifest, entry["target"], "%s target" % name))
    return features, target


def check_finite(features, names, where):
    """NaN or infinity in a feature would silently poison training: name the columns instead."""
    if features.shape[0] == 0:
        return
    bad = (~torch.isfinite(features)).any(dim=0).cpu().tolist()
    columns = [n for n, b in zip(names, bad) if b]
    if columns:
        raise WorkerFailure(
            "Feature columns with missing or infinite values in the %s data: %s. Fill them (fill_missing) "
            "or drop those rows (drop_missing) first." % (where, ", ".join(columns))
        )


def pick_device(requested):
    """auto → the first GPU when torch sees one, else the CPU. Explicit CUDA without a GPU is an error,
    not a quiet fallback: the user asked for it."""
    if requested == "cpu" or (requested == "auto" and not torch.cuda.is_available()):
        return torch.device("cpu")
    if requested == "auto":
        return torch.device("cuda:0")
    if not torch.cuda.is_available():
        raise WorkerFailure(
            "device %s was asked for, but this PyTorch (%s, CUDA build: %s) sees no CUDA GPU. "
            "Use device: auto or cpu, or install a CUDA build of PyTorch." % (requested, torch.__version__, torch.version.cuda)
        )
    index = int(requested.split(":")[1]) if ":" in requested else 0
    count = torch.cuda.device_count()
    if index >= count:
        raise WorkerFailure("device %s was asked for, but there %s only %d GPU%s (cuda:0%s)." % (
            requested, "is" if count == 1 else "are", count, "" if count == 1 else "s",
            "" if count == 1 else " to cuda:%d" % (count - 1)))
    return torch.device("cuda:%d" % index)


def describe_device(device):
    if device.type == "cuda":
        return "%s (%s)" % (device, torch.cuda.get_device_name(device))
    return "cpu"


def enable_tf32():
    """TF32 matmuls on Ampere and later: the new switches where torch has them (2.9+), since mixing
    the old and new ones is an error there."""
    try:
        if hasattr(torch.backends, "fp32_precision"):
            torch.backends.cuda.matmul.fp32_precision = "tf32"
            torch.backends.cudnn.conv.fp32_precision = "tf32"
        else:
            torch.backends.cuda.matmul.allow_tf32 = True
            torch.backends.cudnn.allow_tf32 = True
    except (AttributeError, RuntimeError):
        pass


def fits_on_device(device, nbytes):
    """Whether the tabular data can live on the GPU for the whole run (leaving room for the model)."""
    if device.type != "cuda":
        return True
    try:
        free, _total = torch.cuda.mem_get_info(device)
    except (AttributeError, RuntimeError):
        return True
    return nbytes < 0.6 * free


def is_oom(error):
    oom_type = getattr(torch.cuda, "OutOfMemoryError", None)
    if oom_type is not None and isinstance(error, oom_type):
        return True
    return isinstance(error, RuntimeError) and "out of memory" in str(error)
