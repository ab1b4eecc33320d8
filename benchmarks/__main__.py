"""`make bench [BENCH="push sms …"]`: each suite runs in a process of its own, with its own
fresh database where it needs one, and reports ours against a reference measured in the
same run. Figures are printed and written to docs/benchmarks.md."""

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# name: database the suite needs (None, "sqlite" or "postgres")
SUITES = {
    "push": None,
    "sms": None,
    "email": None,
    "targeting": "postgres",
    "targeting_position": "postgres",
    "end_to_end": "sqlite",
    "correction": "postgres",
    "correction_one_worker": "postgres",
    "approval": "sqlite",
    "crisis_load": "postgres",
    "crisis_churn": "postgres",
    "mobilisation": "postgres",
    "mobilisation_escalation": "postgres",
    "voice": "sqlite",
    "relay_poll": "sqlite",
    "uncached_renders": "sqlite",
}
POSTGRES_URL = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")


def _postgres_database() -> tuple[str | None, str]:
    """A fresh database on the local PostgreSQL, or (None, why not)."""
    import psycopg

    name = f"lux_bench_{os.getpid()}"
    try:
        with psycopg.connect(POSTGRES_URL, autocommit=True, connect_timeout=3) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
    except psycopg.Error as exc:
        return None, f"PostgreSQL unavailable at {POSTGRES_URL}: {exc}"
    return POSTGRES_URL.rsplit("/", 1)[0] + "/" + name, name


def _drop(name: str) -> None:
    import psycopg

    with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def run_suite(name: str, database: str | None) -> dict:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.dev", "DEBUG": "false"}
    workdir = tempfile.mkdtemp(prefix=f"lux-bench-{name}-")
    env["LUX_VAR_DIR"] = workdir
    env.pop("DATABASE_URL", None)
    dropped = None
    if database == "postgres":
        url, detail = _postgres_database()
        if url is None:
            return {"name": name, "skipped": detail}
        env["DATABASE_URL"], dropped = url, detail
    try:
        result = subprocess.run(  # noqa: S603 - our own module
            [sys.executable, "-m", "benchmarks.run_one", name],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=1800,
        )
    finally:
        if dropped:
            _drop(dropped)
    if result.returncode != 0:
        return {"name": name, "error": result.stderr[-3000:]}
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(prog="make bench")
    parser.add_argument("only", nargs="*", help=f"run only these: {', '.join(SUITES)}")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from benchmarks.report import Figure, write

    figures, problems = [], []
    for name, database in SUITES.items():
        if args.only and name not in args.only:
            continue
        print(f"== {name}", flush=True)
        outcome = run_suite(name, database)
        if "skipped" in outcome or "error" in outcome:
            problems.append(f"{name}: {outcome.get('skipped') or outcome.get('error')}")
            print(f"   NOT RUN: {problems[-1]}", flush=True)
            continue
        figure = Figure(**outcome)
        figures.append(figure)
        print(
            f"   ours {figure.ours:,.2f} {figure.unit} · reference {figure.reference:,.2f} "
            f"{figure.unit} · ratio {figure.ratio:.2f}× · target {figure.target} · "
            f"{'met' if figure.met else 'MISSED'}",
            flush=True,
        )
    out = ROOT / "docs" / "benchmarks.md"
    write(figures, out, problems)
    print(f"written to {out}")
    failed = problems or not all(f.met for f in figures)
    return 1 if args.strict and failed else 0


if __name__ == "__main__":
    sys.exit(main())
