"""Tsuzuri's version, the one place it is written.

``editor`` has no ``__init__.py``: it is an implicit namespace package, so an unrelated
distribution that also installs a top-level ``editor`` package (the package index has one)
can sit in the same environment without either overwriting the other's files.
"""

__version__ = "0.1.0"
