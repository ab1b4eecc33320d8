"""One sender per channel behind one small interface (see base.py).

Each channel module offers a `Channel` subclass; `get_channel(name)` returns the configured
sender for a channel, or the local outbox when no provider credentials are set.
"""
