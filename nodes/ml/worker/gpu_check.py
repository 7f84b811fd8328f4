#!/usr/bin/env python3
"""GPU check for Millrace's PyTorch worker; needs only Python with torch and numpy (no Node.js).

    python3 nodes/ml/worker/gpu_check.py                 # 1M x 20 synthetic rows, mlp, 5 epochs
    python3 nodes/ml/worker/gpu_check.py --job-dir DIR   # a job folder the engine exported

It drives the worker (millrace_torch_worker.py --job) on a job folder, reads the epoch times from
its progress messages, then trains the same model on the same data with a plain hand-written
PyTorch loop, and prints the device, epoch times, samples/s and the ratio worker / plain
(target: <= 1.1). The first epoch of each is warm-up and left out of the medians.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True  # keep the worker folder free of __pycache__


def make_job_folder(folder, rows, features, classes, seed):
    """Deterministic synthetic classification data: a random linear teacher plus noise."""
    os.makedirs(folder, exist_ok=True)
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((rows, features), dtype=np.float32)
    teacher = rng.standard_normal((features, classes)).astype(np.float32)
    y = np.argmax(x @ teacher + 0.5 * rng.standard_normal((rows, classes)).astype(np.float32), axis=1).astype(np.float32)
    np.save(os.path.join(folder, "train_features.npy"), x)
    np.save(os.path.join(folder, "train_target.npy"), y)
    manifest = {
        "format": "millrace-job", "version": 1, "task": "classification", "dtype": "float32",
        "features": ["x%d" % i for i in range(features)], "target": "label", "classes": list(range(classes)),
        "datasets": {"train": {
            "rows": rows,
            "features": {"file": "train_features.npy", "shape": [rows, features], "dtype": "float32"},
            "target": {"file": "train_target.npy", "shape": [rows], "dtype": "float32"},
        }},
    }
    with open(os.path.join(folder, "manifest.json"), "w") as f:
        json.dump(manifest, f)
    return manifest


def run_worker(job_dir, out_dir, params):
    job = {"type": "job", "protocol": 1, "job_id": "gpu-check", "task": "train", "job_dir": job_dir,
           "output_dir": out_dir, "params": params}
    job_file = os.path.join(out_dir, "job.json")
    os.makedirs(out_dir, exist_ok=True)
    with open(job_file, "w") as f:
        json.dump(job, f)
    proc = subprocess.Popen([sys.executable, os.path.join(HERE, "millrace_torch_worker.py"), "--job", job_file],
                            stdout=subprocess.PIPE, stdin=subprocess.DEVNULL, universal_newlines=True)
    progress, result = [], None
    for line in proc.stdout:
        message = json.loads(line)
        if message["type"] == "progress":
            progress.append(message)
            print("  worker epoch %d: %.3f s, %.0f samples/s, loss %.4f" % (
                message["epoch"], message["epoch_time_s"], message["samples_per_s"], message["loss"]), flush=True)
        elif message["type"] == "log":
            print("  worker %s: %s" % (message["level"], message["message"]), flush=True)
        elif message["type"] in ("result", "error"):
            result = message
    proc.wait()
    if result is None or result["type"] == "error":
        sys.exit("The worker failed: %s" % (result or "no result"))
    return progress, result


def build_model(features, classes, hidden):
    layers, width = [], features
    for h in hidden:
        layers += [nn.Linear(width, h), nn.ReLU()]
        width = h
    layers.append(nn.Linear(width, classes))
    return nn.Sequential(*layers)


def plain_loop(job_dir, manifest, device, epochs, batch_size, lr, hidden, seed):
    """The baseline: what a person would write by hand for in-memory tabular data on a GPU."""
    train = manifest["datasets"]["train"]
    x = torch.from_numpy(np.load(os.path.join(job_dir, train["features"]["file"]))).to(device)
    y = torch.from_numpy(np.load(os.path.join(job_dir, train["target"]["file"]))).to(device).long()
    torch.manual_seed(seed)
    model = build_model(x.shape[1], len(manifest["classes"]), hidden).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    rows, times = x.shape[0], []
    for epoch in range(1, epochs + 1):
        sync(device)
        started = time.perf_counter()
        perm = torch.randperm(rows, device=device)
        for start in range(0, rows, batch_size):
            idx = perm[start:start + batch_size]
            loss = F.cross_entropy(model(x[idx]), y[idx])
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            optimizer.step()
        last = loss.item()  # waits for the GPU
        times.append(time.perf_counter() - started)
        print("  plain  epoch %d: %.3f s, %.0f samples/s, last batch loss %.4f" % (epoch, times[-1], rows / times[-1], last), flush=True)
    return times


def sync(device):
    if device.type == "cuda":
        torch.cuda.synchronize(device)


def steady(times):
    return statistics.median(times[1:] if len(times) > 1 else times)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--job-dir", help="a prepared job folder (manifest.json with a train data set)")
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--features", type=int, default=20)
    parser.add_argument("--classes", type=int, default=4)
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--batch-size", type=int, default=1024)
    parser.add_argument("--hidden", default="256,256", help="hidden layer widths, comma-separated")
    parser.add_argument("--lr", type=float, default=0.001)
    parser.add_argument("--device", default="auto", help="auto, cpu, cuda or cuda:N")
    parser.add_argument("--predict", action="store_true", help="also time a predict job and try ONNX export")
    parser.add_argument("--keep", action="store_true", help="keep the generated job folder and model")
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="millrace-gpu-check-")
    try:
        check(args, work)
    finally:
        if args.keep:
            print("Kept %s" % work)
        else:
            shutil.rmtree(work, ignore_errors=True)


def check(args, work):

    device = torch.device("cuda:0" if args.device == "auto" and torch.cuda.is_available() else
                          "cpu" if args.device == "auto" else args.device)
    name = torch.cuda.get_device_name(device) if device.type == "cuda" else "CPU"
    print("Device: %s (%s), torch %s, CUDA %s, Python %s" % (device, name, torch.__version__, torch.version.cuda, sys.version.split()[0]))
    job_dir = args.job_dir
    if job_dir is None:
        job_dir = os.path.join(work, "job")
        started = time.perf_counter()
        manifest = make_job_folder(job_dir, args.rows, args.features, args.classes, seed=0)
        print("Generated %d x %d rows in %.1f s: %s" % (args.rows, args.features, time.perf_counter() - started, job_dir))
    else:
        with open(os.path.join(job_dir, "manifest.json")) as f:
            manifest = json.load(f)
    rows = manifest["datasets"]["train"]["rows"]
    hidden = [int(h) for h in args.hidden.split(",") if h]

    print("Millrace worker (mlp %s, batch %d, %d epochs):" % (hidden, args.batch_size, args.epochs))
    params = {"model": "mlp", "hidden_layers": hidden, "epochs": args.epochs, "batch_size": args.batch_size,
              "learning_rate": args.lr, "device": str(device), "seed": 0}
    progress, result = run_worker(job_dir, os.path.join(work, "model"), params)
    worker_times = [p["epoch_time_s"] for p in progress]
    print("Plain PyTorch loop (same model, data, batch, optimiser; TF32 on as in the worker):")
    if device.type == "cuda":
        sys.path.insert(0, HERE)
        from worker_data import enable_tf32
        enable_tf32()
    plain_times = plain_loop(job_dir, manifest, device, args.epochs, args.batch_size, args.lr, hidden, 0)

    w, p = steady(worker_times), steady(plain_times)
    print()
    print("device used by the worker: %s" % result["device"])
    print("worker epoch times (s): %s" % ", ".join("%.3f" % t for t in worker_times))
    print("plain  epoch times (s): %s" % ", ".join("%.3f" % t for t in plain_times))
    print("worker: %.3f s/epoch, %.0f samples/s (median after warm-up)" % (w, rows / w))
    print("plain:  %.3f s/epoch, %.0f samples/s (median after warm-up)" % (p, rows / p))
    print("ratio worker / plain: %.3f (target <= 1.1) %s" % (w / p, "OK" if w / p <= 1.1 else "OVER TARGET"))

    if args.predict:
        predict_job = {"type": "job", "protocol": 1, "job_id": "gpu-check-predict", "task": "predict",
                       "job_dir": os.path.join(work, "predict-input"), "output_dir": os.path.join(work, "predictions"),
                       "params": {"model_dir": os.path.join(work, "model"), "probabilities": True, "device": str(device)}}
        os.makedirs(predict_job["job_dir"], exist_ok=True)
        m = dict(manifest, task=None, datasets={"input": dict(manifest["datasets"]["train"], target=None)})
        for key in ("features",):
            src = os.path.join(job_dir, manifest["datasets"]["train"][key]["file"])
            os.symlink(src, os.path.join(predict_job["job_dir"], manifest["datasets"]["train"][key]["file"]))
        with open(os.path.join(predict_job["job_dir"], "manifest.json"), "w") as f:
            json.dump(m, f)
        for task, job in (("predict", predict_job), ("export onnx", {
                "type": "job", "protocol": 1, "job_id": "gpu-check-onnx", "task": "export", "job_dir": work,
                "output_dir": work, "params": {"model_dir": os.path.join(work, "model"), "format": "onnx",
                                               "path": os.path.join(work, "model.onnx")}})):
            path = os.path.join(work, job["job_id"] + ".json")
            with open(path, "w") as f:
                json.dump(job, f)
            started = time.perf_counter()
            out = subprocess.run([sys.executable, os.path.join(HERE, "millrace_torch_worker.py"), "--job", path],
                                 stdout=subprocess.PIPE, stdin=subprocess.DEVNULL, universal_newlines=True)
            last = json.loads(out.stdout.strip().splitlines()[-1])
            print("%s: %s in %.1f s: %s" % (task, last["type"], time.perf_counter() - started,
                                            last.get("message") or last.get("artifacts")))


if __name__ == "__main__":
    main()
