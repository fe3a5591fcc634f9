"""The ``mediakit`` command: a thin face over :mod:`mediakit.run`."""

from .main import main

__all__ = ["main"]
