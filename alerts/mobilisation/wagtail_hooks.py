"""The admin side of partner mobilisation: the network (partners, resource types,
contacts) and the crisis centre's pages (search and mobilise, the common table, drill
reports). Each part registers its own hooks in its module."""

from . import board_hooks, network_hooks  # noqa: F401 - they register Wagtail hooks
