import argparse
import os
import sys
from pathlib import Path

import django


def main() -> int:
    parser = argparse.ArgumentParser(prog="make bench")
    parser.add_argument("only", nargs="*", help="run only these benchmarks (push, sms, email)")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    django.setup()

    from . import email, push, report, sms

    suites = {"push": push.run, "sms": sms.run, "email": email.run}
    figures = []
    for name, run in suites.items():
        if args.only and name not in args.only:
            continue
        print(f"== {name}", flush=True)
        figure = run()
        print(
            f"   ours {figure.ours:,.0f} {figure.unit} · reference {figure.reference:,.0f} "
            f"{figure.unit} · ratio {figure.ratio:.2f}× · target {figure.target} · "
            f"{'met' if figure.met else 'MISSED'}",
            flush=True,
        )
        figures.append(figure)
    out = Path(__file__).resolve().parent.parent / "docs" / "benchmarks.md"
    report.write(figures, out)
    print(f"written to {out}")
    return 1 if args.strict and not all(f.met for f in figures) else 0


if __name__ == "__main__":
    sys.exit(main())
