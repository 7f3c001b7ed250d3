"""Text on its own, whatever file it came from.

- :mod:`.cjk`: Japanese character classes
- :mod:`.textpos`: code points <-> Qt's UTF-16 columns, Qt's "\\n" line endings
- :mod:`.readtime`: CJK-aware reading time
"""
