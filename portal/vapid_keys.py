"""The demo's web push keys, kept in a file under var/: made once by `manage.py run` when
no VAPID keys are set, read by the development settings at every start, so the browsers
that subscribed keep receiving after a restart. Never used in production, whose keys come
from the environment."""

import json
import os
from pathlib import Path


def read_keys(path: Path) -> dict | None:
    """{"public": ..., "private": ...} from the file, or None when it is absent or unreadable."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or not data.get("public") or not data.get("private"):
        return None
    return {"public": str(data["public"]), "private": str(data["private"])}


def write_keys(path: Path, public: str, private: str) -> bool:
    """Write a new key pair, readable by its owner only (0600). False when the file exists
    already (another process was first): the keys in it are kept."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return False
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        json.dump({"public": public, "private": private}, file)
    return True
