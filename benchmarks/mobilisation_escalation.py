"""Mobilising the partner network, the second figure: 30 % of 300 partners silent, escalated
every minute on a simulated clock to the end of their lists (benchmarks/mobilisation.py)."""

from . import mobilisation
from .report import Figure

NEEDS_DATABASE = True


def run() -> Figure:
    return mobilisation.escalation_figure(mobilisation.measure())
