import os
import platform
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path


@dataclass
class Figure:
    name: str
    ours: float
    reference: float
    unit: str
    target: str
    met: bool
    detail: str = ""

    @property
    def ratio(self) -> float:
        return self.ours / self.reference if self.reference else float("inf")


def amount(value: float) -> str:
    """Large figures rounded to the unit, small ones (milliseconds) with their decimals."""
    if abs(value) >= 100:
        return f"{value:,.0f}"
    return f"{value:.1f}" if abs(value) >= 10 else f"{value:.2f}"


def render(figures: list[Figure], problems: list[str] | None = None) -> str:
    cpu = os.cpu_count()
    lines = [
        "# Benchmarks",
        "",
        f"Measured by `make bench` on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, "
        f"{platform.python_implementation()} {platform.python_version()}, {cpu} cores. "
        "Every figure is compared with a reference measured in the same run, against the "
        "same local protocol peer on loopback.",
        "",
        "| benchmark | ours | reference | ratio | target | met |",
        "|---|---|---|---|---|---|",
    ]
    for f in figures:
        lines.append(
            f"| {f.name} | {amount(f.ours)} {f.unit} | {amount(f.reference)} {f.unit} | "
            f"{f.ratio:.2f}× | {f.target} | {'yes' if f.met else '**no**'} |"
        )
    lines.append("")
    for f in figures:
        if f.detail:
            lines += [f"**{f.name}.** {f.detail}", ""]
    for problem in problems or []:
        lines += [f"**Not run.** {problem}", ""]
    return "\n".join(lines)


def write(figures: list[Figure], path: Path, problems: list[str] | None = None) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(figures, problems))
