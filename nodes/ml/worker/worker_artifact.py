"""The model artifact: a folder with model.json (the contract: features, classes, task, params,
metrics, device, versions), weights.pt (a state dict, which predict loads) and model.pt (TorchScript,
for save_model and for use outside Millrace)."""
import copy
import datetime
import inspect
import json
import os
import platform
import shutil

import torch
from torch import nn

from worker_data import read_json
from worker_models import build_model
from worker_protocol import WorkerFailure

MODEL_FORMAT = "millrace-model"


def save_artifact(out_dir, model, info, channel):
    os.makedirs(out_dir, exist_ok=True)
    cpu_model = copy.deepcopy(model).cpu().eval()
    torch.save(cpu_model.state_dict(), os.path.join(out_dir, "weights.pt"))
    files = {"weights": "weights.pt", "torchscript": None}
    try:
        traced = torch.jit.trace(cpu_model, torch.zeros(1, len(info["features"])))
        torch.jit.save(traced, os.path.join(out_dir, "model.pt"))
        files["torchscript"] = "model.pt"
    except Exception as e:  # TorchScript is being retired upstream; the weights still predict
        channel.log("warn", "Could not save a TorchScript copy of the model (%s); predict still works." % e)
    info = dict(info)
    info.update({
        "format": MODEL_FORMAT,
        "version": 1,
        "worker": "torch",
        "outputs": "logits" if info["task"] == "classification" else "value",
        "files": files,
        "torch_version": torch.__version__,
        "python_version": platform.python_version(),
        "created": datetime.datetime.now(datetime.timezone.utc).isoformat(),
    })
    with open(os.path.join(out_dir, "model.json"), "w", encoding="utf-8") as f:
        json.dump(info, f, indent=2)
    return info


def load_info(model_dir):
    info = read_json(os.path.join(model_dir, "model.json"), "model description")
    if info.get("format") != MODEL_FORMAT:
        raise WorkerFailure("%s is not a Millrace model folder (no millrace-model model.json)." % model_dir)
    if info.get("worker") != "torch":
        raise WorkerFailure(
            "This model was trained by the %s worker, not PyTorch; predict it with the same worker." % info.get("worker")
        )
    return info


def load_model(model_dir, info, device):
    model = build_model(info["params"], len(info["features"]), info["n_outputs"])
    state = torch.load(os.path.join(model_dir, info["files"]["weights"]), map_location="cpu")
    model.load_state_dict(state)
    return model.to(device).eval()


def builtin_as_torch(info):
    """A linear or logistic model the built-in (Node) worker trained, as one nn.Linear on the raw
    features: its feature standardisation and target scaling are folded into the weights, so it
    exports like a model PyTorch trained (logits for classifiers, values for regression)."""
    weights = torch.tensor(info["weights"], dtype=torch.float64)  # outputs x features, on standardised features
    bias = torch.tensor(info["bias"], dtype=torch.float64)
    mean = torch.tensor(info["scaler"]["mean"], dtype=torch.float64)
    std = torch.tensor(info["scaler"]["std"], dtype=torch.float64)
    weights = weights / std
    bias = bias - weights @ mean
    target = info.get("target_scaler")
    if target:
        weights = weights * target["std"]
        bias = bias * target["std"] + target["mean"]
    layer = nn.Linear(weights.shape[1], weights.shape[0])
    with torch.no_grad():
        layer.weight.copy_(weights.float())
        layer.bias.copy_(bias.float())
    return nn.Sequential(layer).eval()


def export_model(model_dir, fmt, path, channel):
    info = read_json(os.path.join(model_dir, "model.json"), "model description")
    builtin = info.get("format") == MODEL_FORMAT and info.get("worker") == "builtin"
    if not builtin:
        info = load_info(model_dir)
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    example = torch.zeros(1, len(info["features"]))
    if fmt == "torchscript":
        if builtin:
            torch.jit.save(torch.jit.trace(builtin_as_torch(info), example), path)
            return path
        if info["files"].get("torchscript") is None:
            raise WorkerFailure("This model has no TorchScript copy (tracing failed when it was trained).", "internal")
        shutil.copyfile(os.path.join(model_dir, info["files"]["torchscript"]), path)
        return path
    model = builtin_as_torch(info) if builtin else load_model(model_dir, info, torch.device("cpu"))
    kwargs = {
        "input_names": ["features"],
        "output_names": [info["outputs"]],
        "dynamic_axes": {"features": {0: "rows"}, info["outputs"]: {0: "rows"}},
    }
    # torch 2.9+ defaults to the dynamo exporter (needs onnxscript); the TorchScript one needs nothing.
    if "dynamo" in inspect.signature(torch.onnx.export).parameters:
        kwargs["dynamo"] = False
    try:
        torch.onnx.export(model, example, path, **kwargs)
    except Exception as e:
        raise WorkerFailure("ONNX export failed in PyTorch %s: %s" % (torch.__version__, e), "internal")
    channel.log("info", "Wrote ONNX model %s (input 'features': rows x %d)." % (path, len(info["features"])))
    return path
