"""Run one benchmark suite in this process and print its Figure as JSON (last line)."""

import dataclasses
import importlib
import json
import sys

import django


def main(name: str) -> None:
    django.setup()
    from django.core.management import call_command

    module = importlib.import_module(f"benchmarks.{name}")
    if getattr(module, "NEEDS_DATABASE", False):
        call_command("migrate", verbosity=0, interactive=False)
    figure = module.run()
    print(json.dumps(dataclasses.asdict(figure)))


if __name__ == "__main__":
    main(sys.argv[1])
