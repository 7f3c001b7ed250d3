"""Qt widgets over :mod:`editor.core`."""
