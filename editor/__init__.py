"""Tsuzuri: a desktop editor for Jekyll blogs."""

__version__ = "0.1.0"
