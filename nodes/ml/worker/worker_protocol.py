"""The worker side of Millrace's worker protocol, version 1 (engine/workers/protocol.ts).

One JSON object per line. Protocol lines go to the original stdout; everything else the process
prints (libraries, warnings) is redirected to stderr, so it can never corrupt the protocol.
"""
import json
import math
import os
import signal
import sys
import threading

PROTOCOL = 1


class WorkerFailure(Exception):
    """A failure reported to the engine as an `error` message. The message is for people."""

    def __init__(self, message, kind="bad_input", detail=None):
        super().__init__(message)
        self.message = message
        self.kind = kind
        self.detail = detail


class Cancelled(WorkerFailure):
    def __init__(self):
        super().__init__("Training was cancelled.", "cancelled")


def _clean(value):
    """JSON has no NaN or infinity: send null instead (the engine's schema allows null there)."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_clean(v) for v in value]
    return value


class Channel:
    """Writes protocol messages for one job; safe to use from several threads."""

    def __init__(self, job_id, stream):
        self.job_id = job_id
        self._stream = stream
        self._lock = threading.Lock()

    def send(self, type_, **fields):
        message = {"type": type_, "protocol": PROTOCOL, "job_id": self.job_id}
        message.update(_clean(fields))
        line = json.dumps(message, allow_nan=False)
        with self._lock:
            self._stream.write(line + "\n")
            self._stream.flush()

    def log(self, level, message):
        self.send("log", level=level, message=message)

    def error(self, failure):
        fields = {"message": failure.message, "kind": failure.kind}
        if failure.detail:
            fields["detail"] = failure.detail
        self.send("error", **fields)


def take_protocol_stdout():
    """Keeps the real stdout for protocol lines and points fd 1 (and sys.stdout) at stderr."""
    stream = os.fdopen(os.dup(1), "w", buffering=1, encoding="utf-8")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    return stream


class StdinLines:
    """Reads lines from fd 0 with os.read: a thread blocked in sys.stdin would hold its buffer lock
    and can abort the interpreter at exit; a raw read cannot."""

    def __init__(self):
        self._buffer = b""

    def readline(self):
        while b"\n" not in self._buffer:
            try:
                chunk = os.read(0, 65536)
            except OSError:
                chunk = b""
            if not chunk:
                line, self._buffer = self._buffer, b""
                return line.decode("utf-8") if line else None
            self._buffer += chunk
        line, self._buffer = self._buffer.split(b"\n", 1)
        return line.decode("utf-8")


class CancelFlag:
    """Set by a `cancel` message on stdin or by SIGTERM; the training loop checks it every batch."""

    def __init__(self):
        self._event = threading.Event()

    def is_set(self):
        return self._event.is_set()

    def set(self):
        self._event.set()

    def check(self):
        if self._event.is_set():
            raise Cancelled()

    def watch(self, stdin_lines, cancel_on_eof):
        """cancel_on_eof: when the engine dies its end of the pipe closes; stop rather than train on
        as an orphan. Off for manual runs, where stdin may end right after the job line."""
        signal.signal(signal.SIGTERM, lambda _signum, _frame: self._event.set())

        def read():
            while True:
                line = stdin_lines.readline()
                if line is None:
                    if cancel_on_eof:
                        self._event.set()
                    return
                try:
                    if json.loads(line).get("type") == "cancel":
                        self._event.set()
                except (ValueError, AttributeError):
                    pass

        threading.Thread(target=read, name="millrace-cancel", daemon=True).start()


def start_heartbeat(channel, interval_s=2.0):
    """Sends a heartbeat every few seconds so the engine can tell a slow epoch from a hung worker."""
    stop = threading.Event()

    def beat():
        while not stop.wait(interval_s):
            try:
                channel.send("heartbeat")
            except (OSError, ValueError):
                return

    threading.Thread(target=beat, name="millrace-heartbeat", daemon=True).start()
    return stop
