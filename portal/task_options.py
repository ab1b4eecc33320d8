"""Options shared by task definitions."""

from django_tasks import task_backends


def urgent(priority: int) -> dict:
    """Alert work: the "urgent" queue (with workers of its own), and a priority where the
    backend has priorities (the database backend does; RQ has none, its queues do it)."""
    options = {"queue_name": "urgent"}
    if task_backends["default"].supports_priority:
        options["priority"] = priority
    return options
