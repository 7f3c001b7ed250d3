"""One post file and its front matter, nothing about the blog around it.

- :mod:`.split`: the lossless split ``bom + opening + front_matter + closing + body``, and the
  checks on a post's bytes (UTF-8, no NUL, not UTF-16)
- :mod:`.errors`: the error that points at a line and column, base of the two below
- :mod:`.yamlload`: safe YAML loading with positions, alias limits, duplicate keys, tab hints
- :mod:`.yamlemit`: one value written in a given style (quotes, flow or block lists)
- :mod:`.frontmatter`: parse with key spans; minimal-diff set and remove of one key
- :mod:`.fields`: the blog's fields: lists, validation (codes + params + English and Japanese)
- :mod:`.document`: ``PostDocument``, the editing model a window or a command binds to
"""
