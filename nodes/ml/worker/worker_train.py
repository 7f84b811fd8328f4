"""Training. Tabular data goes to the device once and is shuffled there each epoch with a seeded
generator (a DataLoader per batch is several times slower for in-memory tables); the loop never
syncs with the GPU inside an epoch."""
import math
import random
import time

import numpy as np
import torch
import torch.nn.functional as F

from worker_artifact import save_artifact
from worker_data import (
    check_finite, dataset, describe_device, enable_tf32, fits_on_device, is_oom, load_manifest, pick_device,
)
from worker_models import build_model, check_model_fits_task, output_size
from worker_protocol import WorkerFailure

EVAL_CHUNK = 65536


class Split:
    """One data set, held on the training device, or in host memory when it does not fit there."""

    def __init__(self, features, target, device, on_device):
        self.device = device
        self.home = device if on_device else torch.device("cpu")
        self.features = features.to(self.home)
        self.target = target.to(self.home)
        self.rows = features.shape[0]

    def _to_device(self, xb, yb):
        if self.home == self.device:
            return xb, yb
        return xb.to(self.device, non_blocking=True), yb.to(self.device, non_blocking=True)

    def shuffled(self, batch_size, generator):
        perm = torch.randperm(self.rows, device=self.home, generator=generator)
        for start in range(0, self.rows, batch_size):
            idx = perm[start:start + batch_size]
            yield self._to_device(self.features[idx], self.target[idx])

    def in_order(self, size):
        for start in range(0, self.rows, size):
            yield self._to_device(self.features[start:start + size], self.target[start:start + size])


def check_labels(target, n_classes, where):
    bad = (target != target.round()) | (target < 0) | (target >= n_classes)
    if target.shape[0] > 0 and bool(bad.any()):
        raise WorkerFailure(
            "The %s target holds values that are not class indices 0..%d of the manifest's classes." % (where, n_classes - 1)
        )


def hold_out(train, fraction, seed):
    features, target = train
    rows = features.shape[0]
    n_valid = int(round(rows * fraction))
    if n_valid < 1 or n_valid >= rows:
        raise WorkerFailure("validation_fraction %g of %d rows leaves no validation or no training rows." % (fraction, rows))
    perm = torch.randperm(rows, generator=torch.Generator().manual_seed(seed))
    valid_idx, train_idx = perm[:n_valid].sort().values, perm[n_valid:].sort().values
    return (features[train_idx], target[train_idx]), (features[valid_idx], target[valid_idx])


def evaluate(model, split, classification):
    """Mean loss and the metric (accuracy or RMSE) over a whole split, with one sync at the end."""
    model.eval()
    loss_sum = torch.zeros((), device=split.device, dtype=torch.float64)
    correct = torch.zeros((), device=split.device, dtype=torch.float64)
    with torch.no_grad():
        for xb, yb in split.in_order(EVAL_CHUNK):
            out = model(xb)
            if classification:
                loss_sum += F.cross_entropy(out, yb, reduction="sum")
                correct += (out.argmax(dim=1) == yb).sum()
            else:
                loss_sum += F.mse_loss(out.squeeze(-1), yb, reduction="sum")
    model.train()
    loss = loss_sum.item() / max(split.rows, 1)
    if classification:
        return loss, {"name": "accuracy", "value": correct.item() / max(split.rows, 1)}
    return loss, {"name": "rmse", "value": math.sqrt(loss)}


def fit(params, task, classes, names, train, valid, device, batch_size, channel, cancel):
    seed = params["seed"]
    torch.manual_seed(seed)
    random.seed(seed)
    np.random.seed(seed)
    classification = task == "classification"
    model = build_model(params, len(names), output_size(task, classes)).to(device)
    nbytes = sum(t.numel() * 4 for part in (train, valid) if part is not None for t in part)
    on_device = fits_on_device(device, nbytes)
    if not on_device:
        channel.log("info", "The data (%.1f GB) does not fit next to the model on %s; batches are copied from host memory." % (nbytes / 1e9, device))
    label_type = torch.long if classification else torch.float32
    tr = Split(train[0], train[1].to(label_type), device, on_device)
    va = Split(valid[0], valid[1].to(label_type), device, on_device) if valid is not None else None
    optimizer = torch.optim.Adam(model.parameters(), lr=params["learning_rate"], weight_decay=params["weight_decay"])
    loss_fn = torch.nn.CrossEntropyLoss() if classification else torch.nn.MSELoss()
    generator = torch.Generator(device=tr.home)
    generator.manual_seed(seed)
    device_label = describe_device(device)
    history, best, best_state, best_epoch, stale, step = [], math.inf, None, None, 0, 0
    epochs, patience = params["epochs"], params["patience"]
    for epoch in range(1, epochs + 1):
        started = time.perf_counter()
        losses = []
        for xb, yb in tr.shuffled(batch_size, generator):
            cancel.check()
            out = model(xb)
            loss = loss_fn(out if classification else out.squeeze(-1), yb)
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            optimizer.step()
            losses.append(loss.detach())
            step += 1
        # Batch means weighted by batch size (the last batch may be short): one sync per epoch.
        weights = torch.full((len(losses),), float(batch_size), device=device)
        weights[-1] = float(tr.rows - batch_size * (len(losses) - 1))
        train_loss = float((torch.stack(losses) * weights).sum().item() / tr.rows)
        train_time = time.perf_counter() - started
        if not math.isfinite(train_loss):
            raise WorkerFailure(
                "Training diverged: the loss became %s in epoch %d. Lower learning_rate (now %g) or scale the "
                "features (the scale node)." % (train_loss, epoch, params["learning_rate"]))
        val_loss, val_metric = evaluate(model, va, classification) if va is not None else (None, None)
        row = {"epoch": epoch, "loss": train_loss, "val_loss": val_loss, "val_metric": val_metric}
        history.append(row)
        channel.send("progress", epochs=epochs, step=step, samples_per_s=tr.rows / max(train_time, 1e-9),
                     epoch_time_s=time.perf_counter() - started, device=device_label, **row)
        if val_loss is not None:
            if val_loss < best:
                best, best_epoch, stale = val_loss, epoch, 0
                best_state = {k: v.detach().clone() for k, v in model.state_dict().items()}
            else:
                stale += 1
                if patience is not None and stale >= patience:
                    channel.log("info", "Early stop after epoch %d: no better validation loss for %d epochs; "
                                        "keeping epoch %d." % (epoch, patience, best_epoch))
                    break
    if best_state is not None:
        model.load_state_dict(best_state)
    return model, history, best_epoch, tr.rows, va.rows if va is not None else 0


def run_train(job, channel, cancel):
    params = job["params"]
    manifest = load_manifest(job)
    task, classes, names = manifest.get("task"), manifest.get("classes") or [], manifest["features"]
    if task not in ("classification", "regression"):
        raise WorkerFailure("The job manifest's task must be classification or regression, not %r." % task)
    check_model_fits_task(params["model"], task)
    if task == "classification" and len(classes) < 2:
        raise WorkerFailure("Classification needs at least two classes in the target; the manifest lists %d." % len(classes))
    device = pick_device(params["device"])
    if device.type == "cuda":
        enable_tf32()
    train = dataset(manifest, "train", True)
    if train is None or train[0].shape[0] == 0:
        raise WorkerFailure("The training data has no rows.")
    valid = dataset(manifest, "valid", True)
    for part, where in ((train, "training"), (valid, "validation")):
        if part is not None:
            check_finite(part[0], names, where)
            if task == "classification":
                check_labels(part[1], len(classes), where)
    if valid is None and params["validation_fraction"] > 0:
        train, valid = hold_out(train, params["validation_fraction"], params["seed"])
    channel.log("info", "Training %s %s on %s (PyTorch %s), %d rows x %d features." % (
        params["model"], task, describe_device(device), torch.__version__, train[0].shape[0], len(names)))

    batch_size = params["batch_size"]
    for attempt in (1, 2):
        out_of_memory = False
        try:
            model, history, best_epoch, rows_train, rows_valid = fit(
                params, task, classes, names, train, valid, device, batch_size, channel, cancel)
            break
        except Exception as error:  # noqa: BLE001 - OOM is told apart below, the rest re-raised
            if not is_oom(error):
                raise
            out_of_memory = True
        if out_of_memory:
            if device.type != "cuda" or attempt == 2:
                raise WorkerFailure(
                    "%s ran out of memory with batch_size %d. Use a smaller batch_size or fewer/narrower hidden "
                    "layers." % (describe_device(device), batch_size), "oom")
            torch.cuda.empty_cache()
            channel.log("warn", "CUDA ran out of memory with batch_size %d; retrying once with %d." % (batch_size, max(1, batch_size // 2)))
            batch_size = max(1, batch_size // 2)
    cancel.check()

    last = history[-1]
    chosen = next((r for r in history if r["epoch"] == best_epoch), last)
    metrics = {
        "train_loss": chosen["loss"], "val_loss": chosen["val_loss"], "best_epoch": best_epoch or last["epoch"],
        "epochs_run": last["epoch"], "rows_train": rows_train, "rows_valid": rows_valid, "batch_size": batch_size,
    }
    if chosen["val_metric"] is not None:
        metrics["val_" + chosen["val_metric"]["name"]] = chosen["val_metric"]["value"]
    info = save_artifact(job["output_dir"], model, {
        "task": task, "model": params["model"], "params": params, "features": names, "target": manifest.get("target"),
        "classes": classes if task == "classification" else None, "n_outputs": output_size(task, classes),
        "metrics": metrics, "device": describe_device(device),
    }, channel)
    out_dir = job["output_dir"]
    artifacts = {"model_dir": out_dir, "model_json": out_dir + "/model.json", "weights": out_dir + "/weights.pt"}
    if info["files"]["torchscript"] is not None:
        artifacts["model"] = out_dir + "/" + info["files"]["torchscript"]
    return {"metrics": metrics, "artifacts": artifacts, "device": describe_device(device), "history": history}
