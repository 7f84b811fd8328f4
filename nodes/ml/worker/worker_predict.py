"""Prediction: checks the input against the model's feature contract, then writes predictions (and
class probabilities when asked) as `.npy` files plus predictions.json, streaming in chunks."""
import json
import os

import numpy as np
import torch

from worker_artifact import load_info, load_model
from worker_data import as_tensor, check_finite, describe_device, is_oom, load_manifest, open_array, pick_device
from worker_protocol import WorkerFailure


def feature_order(model_features, input_features):
    """Column index in the input for each feature the model expects; names the missing ones."""
    missing = [f for f in model_features if f not in input_features]
    if missing:
        raise WorkerFailure(
            "The input lacks columns the model was trained on: %s. The model expects: %s."
            % (", ".join(missing), ", ".join(model_features))
        )
    return [input_features.index(f) for f in model_features]


def new_npy(path, shape):
    if 0 in shape:
        np.save(path, np.zeros(shape, dtype=np.float32))
        return None
    return np.lib.format.open_memmap(path, mode="w+", dtype=np.float32, shape=shape)


def predict_chunks(model, features, columns, classification, device, batch_size, predictions, probabilities, cancel, names):
    identity = columns == list(range(features.shape[1]))
    with torch.no_grad():
        for start in range(0, features.shape[0], batch_size):
            cancel.check()
            block = features[start:start + batch_size]
            block = np.ascontiguousarray(block if identity else block[:, columns])
            xb = as_tensor(block)
            check_finite(xb, names, "prediction input")
            out = model(xb.to(device))
            end = start + xb.shape[0]
            if classification:
                probs = torch.softmax(out, dim=1)
                predictions[start:end] = probs.argmax(dim=1).float().cpu().numpy()
                if probabilities is not None:
                    probabilities[start:end] = probs.cpu().numpy()
            else:
                predictions[start:end] = out.squeeze(-1).cpu().numpy()


def run_predict(job, channel, cancel):
    params = job["params"]
    info = load_info(params["model_dir"])
    manifest = load_manifest(job)
    entry = manifest["datasets"].get("input")
    if entry is None:
        raise WorkerFailure("The prediction job folder has no `input` data set.")
    columns = feature_order(info["features"], manifest["features"])
    classification = info["task"] == "classification"
    want_probabilities = bool(params["probabilities"]) and classification
    if params["probabilities"] and not classification:
        channel.log("warn", "probabilities only apply to classification models; this one is a regression model.")
    device = pick_device(params["device"])
    model = load_model(params["model_dir"], info, device)
    features = open_array(manifest, entry["features"], "input features")
    rows = features.shape[0]
    out_dir = job["output_dir"]
    os.makedirs(out_dir, exist_ok=True)
    pred_path = os.path.join(out_dir, "predictions.npy")
    prob_path = os.path.join(out_dir, "probabilities.npy")
    predictions = new_npy(pred_path, (rows,))
    probabilities = new_npy(prob_path, (rows, len(info["classes"]))) if want_probabilities else None
    batch_size = params["batch_size"]
    if rows > 0:
        for attempt in (1, 2):
            try:
                predict_chunks(model, features, columns, classification, device, batch_size, predictions,
                               probabilities, cancel, info["features"])
                break
            except Exception as error:  # noqa: BLE001 - OOM is told apart, the rest re-raised
                if not is_oom(error):
                    raise
                if device.type != "cuda" or attempt == 2:
                    raise WorkerFailure("%s ran out of memory predicting with batch_size %d." % (device, batch_size), "oom")
            torch.cuda.empty_cache()
            batch_size = max(1, batch_size // 2)
            channel.log("warn", "CUDA ran out of memory while predicting; retrying with batch_size %d." % batch_size)
        predictions.flush()
        if probabilities is not None:
            probabilities.flush()
    del predictions, probabilities  # close the memory maps before the engine reads the files
    manifest_out = {
        "format": "millrace-predictions", "version": 1, "task": info["task"], "rows": rows,
        "classes": info["classes"],
        "predictions": {"file": "predictions.npy", "shape": [rows], "dtype": "float32"},
        "probabilities": {"file": "probabilities.npy", "shape": [rows, len(info["classes"])], "dtype": "float32"}
        if want_probabilities else None,
    }
    manifest_path = os.path.join(out_dir, "predictions.json")
    with open(manifest_path, "w", encoding="utf-8") as f:
        json.dump(manifest_out, f, indent=2)
    artifacts = {"predictions": pred_path, "manifest": manifest_path}
    if want_probabilities:
        artifacts["probabilities"] = prob_path
    return {"metrics": {"rows": rows}, "artifacts": artifacts, "device": describe_device(device), "history": []}
