"""Whether an image file can be shown, and shown safely, asked of a worker process that cannot
take this one down.

The checks themselves (Qt's own decoders, see `kiosk.ui.imageworker`) run in one persistent child
process, started at the first image and used for every image after it: a hostile file whose
decoder crashes or hangs costs that process, never the validator or the show, and is reported as
an error of its own while the remaining files go on in a fresh worker. Nothing the decoders say
reaches the terminal. Lives outside `kiosk.content` (which runs no Qt) and is handed to
`load_pack` by the caller.
"""

from __future__ import annotations

import atexit
import dataclasses
import json
import os
import queue
import subprocess
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

from ..content.problems import Finding
from ..content.video import VideoFacts
from . import locations

WORKER = (sys.executable, "-m", "kiosk.ui.imageworker")
IMAGE, VIDEO = "image", "video"  # what the worker is asked to check (kiosk.ui.imageworker)
# Where the running `kiosk` package is importable from, for the worker to import the same one
# (bench scripts and tests put it on sys.path by hand).
_PACKAGE_PARENT = str(Path(__file__).resolve().parent.parent.parent)


class ImageCheckFailed(RuntimeError):
    """The checking code itself went wrong (not the file): a bug to see, not a finding."""


class ImageChecker:
    """`checker(path) -> [(severity, message)]`, decoded in a worker process, and
    `checker.probe_video(path)`, what the show's player finds in a film, in the same worker;
    `timeout` seconds per file before a stuck decoder is stopped. `command` starts the worker
    (tests put a saboteur in front of it)."""

    START_TIMEOUT = 60.0  # Python and Qt starting on a busy machine: slow, but never stuck

    def __init__(self, command: Sequence[str] = WORKER, timeout: float = 30.0):
        self.command, self.timeout = list(command), timeout
        self._worker: subprocess.Popen[bytes] | None = None
        self._answers: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
        self._reader: threading.Thread | None = None

    def __call__(self, path: Path) -> list[Finding]:
        answer = self._ask(IMAGE, path)
        if isinstance(answer, str):
            return [("error", f"the image decoder {answer}; export it again as PNG or JPEG")]
        return [tuple(finding) for finding in answer["findings"]]

    def probe_video(self, path: Path) -> VideoFacts:
        answer = self._ask(VIDEO, path)
        if isinstance(answer, str):
            return VideoFacts(opened=False, why_not=f"the video decoder {answer}")
        return VideoFacts.from_json(answer["facts"])

    def _ask(self, kind: str, path: Path) -> dict[str, Any] | str:
        """The worker's answer about one file, or what went wrong with the worker on it."""
        worker = self._worker
        if worker is None or worker.poll() is not None:
            worker = self._start()
        assert worker.stdin is not None  # started with pipes
        try:
            worker.stdin.write(json.dumps([kind, str(path)]).encode() + b"\n")
            worker.stdin.flush()
        except OSError:
            pass  # it died on this very file: the answer below says so
        try:
            answer = self._next_answer(self.timeout)
        except queue.Empty:
            worker.kill()
            self.close()
            return f"took more than {self.timeout:g} seconds on this file and was stopped"
        if answer is None:
            self.close()
            return "crashed on this file"
        if "failed" in answer:
            raise ImageCheckFailed(f"checking {path} failed in the image worker:\n{answer['failed']}")
        assert isinstance(answer, dict)
        return answer

    def close(self) -> None:
        """Stop the worker (it is started again when needed): asked politely, then killed."""
        worker, self._worker = self._worker, None
        if worker is None:
            return
        assert worker.stdin is not None and worker.stdout is not None and self._reader is not None
        try:
            worker.stdin.close()  # end of input: it returns from its loop
        except OSError:
            pass  # already gone
        try:
            worker.wait(timeout=2)
        except subprocess.TimeoutExpired:
            worker.kill()  # stuck in a decoder
            worker.wait()
        self._reader.join()  # it has read to the end of the dead worker's output
        worker.stdout.close()

    def _start(self) -> subprocess.Popen[bytes]:
        self.close()
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(
            [_PACKAGE_PARENT] + [p for p in [os.environ.get("PYTHONPATH")] if p]))
        # Its own session and no console: Ctrl-C at the terminal is for the validator (which then
        # closes the worker), and must not kill the worker mid-file as if the file had crashed it.
        self._worker = worker = subprocess.Popen(
            self.command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            env=env, start_new_session=True, creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0))
        self._answers = queue.SimpleQueue()
        self._reader = threading.Thread(target=_read_lines, args=(worker.stdout, self._answers),
                                        name="image worker output", daemon=True)
        self._reader.start()
        try:
            ready = self._next_answer(self.START_TIMEOUT)
        except queue.Empty:
            ready = None
        if ready != "ready":  # the worker's first line (`imageworker.READY`) once Qt is up
            worker.kill()  # (nothing, if it is already gone)
            code = worker.wait()
            self.close()
            raise ImageCheckFailed(f"the image worker could not start (exit status {code}): "
                                   f"run `{' '.join(self.command)}` to see why")
        return worker

    def _next_answer(self, timeout: float) -> Any:
        """The worker's next line, decoded; None when it has died; queue.Empty when it is stuck."""
        line = self._answers.get(timeout=timeout)
        return None if line is None else json.loads(line)


def _read_lines(stream: IO[bytes], answers: queue.SimpleQueue[bytes | None]) -> None:
    """Everything the worker answers, line by line, then None: a thread, so that waiting for an
    answer can time out on every platform (pipes cannot be polled on Windows)."""
    for line in stream:
        answers.put(line)
    answers.put(None)


check_image = ImageChecker()  # shared: one worker for every image of a run
probe_video = check_image.probe_video  # and every film
atexit.register(check_image.close)


class CachedImageCheck:
    """`check_image` with its verdicts remembered on disk, keyed by file, size and modification
    time: the show starts without decoding every picture again, yet any changed file is checked
    anew. Used by `kiosk run`; `kiosk validate` always checks everything."""

    LIMIT = 5000  # entries kept

    def __init__(self, path: Path):
        self.path = path
        self.changed = False
        try:
            self.verdicts = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.verdicts = {}
        if not isinstance(self.verdicts, dict):  # damaged: start again
            self.verdicts = {}

    def __call__(self, image: Path) -> list[Finding]:
        stat = image.stat()
        key = f"{image}|{stat.st_size}|{stat.st_mtime_ns}"
        if key not in self.verdicts:
            self.verdicts[key] = check_image(image)
            self.changed = True
        return [tuple(finding) for finding in self.verdicts[key]]

    def probe_video(self, film: Path) -> VideoFacts:
        stat = film.stat()
        key = f"video|{film}|{stat.st_size}|{stat.st_mtime_ns}"
        if key not in self.verdicts:
            self.verdicts[key] = dataclasses.asdict(probe_video(film))
            self.changed = True
        return VideoFacts.from_json(self.verdicts[key])

    def save(self) -> None:
        if not self.changed:
            return
        try:
            locations.write_json(self.path, dict(list(self.verdicts.items())[-self.LIMIT:]))
            self.changed = False
        except OSError:
            pass  # only a cache: the next start checks the pictures again
