"""`manage.py run` (what `make run` starts): stopping it stops its background workers."""

import os
import signal
import socket
import subprocess
import sys
import time

from django.conf import settings


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _children(pid: int) -> set[int]:
    path = f"/proc/{pid}/task/{pid}/children"
    with open(path) as children:
        return {int(child) for child in children.read().split()}


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(") ", 1)[1][0] != "Z"  # a zombie has exited
    except FileNotFoundError:
        return False


def test_sigterm_stops_the_server_and_its_workers(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "LUX_VAR_DIR": str(tmp_path),
        "PYTHONUNBUFFERED": "1",
    }
    env.pop("DATABASE_URL", None)
    subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", "migrate", "--no-input", "-v", "0"],
        cwd=settings.BASE_DIR,
        env=env,
        check=True,
    )
    run = subprocess.Popen(  # noqa: S603
        [sys.executable, "manage.py", "run", "--addr", f"127.0.0.1:{_free_port()}"],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    workers: set[int] = set()
    try:
        lines = iter(run.stdout.readline, "")
        assert any("Background workers started" in line for line in lines)
        workers = _children(run.pid)
        assert len(workers) == 3  # urgent, default, periodic
        run.send_signal(signal.SIGTERM)
        run.wait(timeout=30)
        deadline = time.monotonic() + 15
        while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not [pid for pid in workers if _alive(pid)], "workers left running"
    finally:
        run.kill()
        # Whatever was left (a worker, or the process its autoreloader started) goes now.
        left = {child for pid in workers if _alive(pid) for child in _children(pid)}
        for pid in workers | left:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
