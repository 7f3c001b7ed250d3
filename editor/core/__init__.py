"""Plain-Python core of Tsuzuri: posts, front matter, rendering, repository, doctor.

Nothing below this package imports Qt or ``editor.ui``; a test enforces it.
"""
