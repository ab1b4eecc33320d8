"""The sent-in-error correction (benchmarks/correction.py) with one urgent worker, as
`make run` and the small installations of docs/deployment.md run it: the three channels'
senders then take turns on that worker."""

from . import correction
from .report import Figure

NEEDS_DATABASE = True


def run() -> Figure:
    return correction.run(workers=1)
