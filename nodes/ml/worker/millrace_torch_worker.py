#!/usr/bin/env python3
"""Millrace's PyTorch worker.

Reads one job line (protocol 1, engine/workers/protocol.ts) from stdin and answers with progress,
heartbeat, log and exactly one result or error line on stdout. Or, without Node:

    python3 millrace_torch_worker.py --job path/to/job.json

where job.json holds the same job object (relative job_dir/output_dir are taken relative to the
job file). Cancel with a {"type": "cancel"} line on stdin or SIGTERM; with --cancel-on-stdin-close
(the engine passes it) stdin closing also cancels, so a worker never outlives a crashed engine.
"""
import argparse
import json
import os
import sys
import traceback

# No __pycache__ beside the scripts: the install folder may be read-only, and a source checkout stays clean.
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from worker_protocol import (  # noqa: E402 - the path above makes the sibling modules importable
    PROTOCOL, CancelFlag, Channel, StdinLines, WorkerFailure, start_heartbeat, take_protocol_stdout,
)

TRAIN_DEFAULTS = {
    "hidden_layers": [64, 32], "activation": "relu", "dropout": 0.0, "epochs": 20, "batch_size": 256,
    "learning_rate": 0.01, "weight_decay": 0.0, "seed": 0, "device": "auto", "validation_fraction": 0.0,
    "patience": None,
}
PREDICT_DEFAULTS = {"probabilities": False, "batch_size": 65536, "device": "auto"}


def read_job(args, stdin_lines):
    if args.job:
        with open(args.job, encoding="utf-8") as f:
            job = json.load(f)
        base = os.path.dirname(os.path.abspath(args.job))
        for key in ("job_dir", "output_dir"):
            if key in job and not os.path.isabs(job[key]):
                job[key] = os.path.join(base, job[key])
        return job
    line = stdin_lines.readline()
    if line is None:
        raise ValueError("no job line on stdin")
    return json.loads(line)


def check_job(job):
    if not isinstance(job, dict) or job.get("type") != "job":
        raise WorkerFailure("The first message must be a job.", "internal")
    if job.get("protocol") != PROTOCOL:
        raise WorkerFailure("This worker speaks protocol %d; the job is protocol %r." % (PROTOCOL, job.get("protocol")), "internal")
    for key in ("job_dir", "output_dir", "task", "params"):
        if key not in job:
            raise WorkerFailure("The job lacks %s." % key, "internal")
    job.setdefault("manifest", "manifest.json")
    defaults = TRAIN_DEFAULTS if job["task"] == "train" else PREDICT_DEFAULTS if job["task"] == "predict" else {}
    job["params"] = dict(defaults, **job["params"])


def dispatch(job, channel, cancel):
    try:
        import torch  # noqa: F401 - imported here so a missing torch becomes a clear error message
    except ImportError as e:
        raise WorkerFailure(
            "PyTorch is not installed in %s (%s). Install it there, or point Millrace at a Python that has it "
            "with MILLRACE_PYTHON=/path/to/python." % (sys.executable, e), "internal")
    if job["task"] == "train":
        from worker_train import run_train
        return run_train(job, channel, cancel)
    if job["task"] == "predict":
        from worker_predict import run_predict
        return run_predict(job, channel, cancel)
    if job["task"] == "export":
        from worker_artifact import export_model
        params = job["params"]
        path = export_model(params["model_dir"], params["format"], params["path"], channel)
        return {"metrics": {}, "artifacts": {params["format"]: path}, "device": "cpu", "history": []}
    raise WorkerFailure("Unknown task %r: expected train, predict or export." % job["task"], "internal")


def main(argv):
    parser = argparse.ArgumentParser(description="Millrace's PyTorch training worker.")
    parser.add_argument("--job", help="run the job in this JSON file instead of reading one from stdin")
    parser.add_argument("--cancel-on-stdin-close", action="store_true",
                        help="stop when stdin closes (the engine passes this: if it dies, the worker stops too)")
    args = parser.parse_args(argv)
    out = take_protocol_stdout()
    stdin_lines = StdinLines()
    try:
        job = read_job(args, stdin_lines)
    except (OSError, ValueError) as e:
        print("millrace worker: could not read the job: %s" % e, file=sys.stderr)
        return 2
    channel = Channel(str(job.get("job_id", "unknown")) if isinstance(job, dict) else "unknown", out)
    cancel = CancelFlag()
    if not (args.job and sys.stdin.isatty()):
        cancel.watch(stdin_lines, cancel_on_eof=args.cancel_on_stdin_close)
    stop_heartbeat = start_heartbeat(channel)
    try:
        check_job(job)
        outcome = dispatch(job, channel, cancel)
        channel.send("result", **outcome)
        return 0
    except WorkerFailure as failure:
        channel.error(failure)
        return 1
    except KeyboardInterrupt:
        channel.send("error", message="Training was cancelled.", kind="cancelled")
        return 1
    except Exception as e:  # noqa: BLE001 - anything unexpected still reaches the engine as an error
        from worker_data import is_oom

        kind = "oom" if is_oom(e) else "internal"
        message = "The PyTorch worker failed: %s: %s" % (type(e).__name__, e)
        channel.send("error", message=message, kind=kind, detail=traceback.format_exc())
        return 1
    finally:
        stop_heartbeat.set()


if __name__ == "__main__":
    code = main(sys.argv[1:])
    sys.stderr.flush()
    # os._exit: no waiting on daemon threads (the stdin reader) or library atexit hooks.
    os._exit(code)
