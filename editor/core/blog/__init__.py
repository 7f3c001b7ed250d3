"""The blog around a post, each Jekyll fact in one place.

- :mod:`.posts`: the blog root, which files are posts and drafts, names, ``site.posts`` rules
- :mod:`.dates`: the dates Jekyll accepts, the site's ``timezone``, the file-name fallback
- :mod:`.permalink`: permalink styles, placeholders, Jekyll's ``slugify`` modes, escaping
- :mod:`.repository`: ``_config.yml``, defaults, URLs, new posts, publishing, renames
- :mod:`.location`: where the post being edited will live and its URL
- :mod:`.slug`: readable ASCII slugs for new file names
"""
