"""The incremental renderer gives exactly what a full render gives, cut into keyed blocks."""

from __future__ import annotations

from editor.core.render import RenderContext, render_body
from editor.core.render.incremental import IncrementalRenderer

BODY = """# 見出し

段落です。[^1]

段落です。[^1]

- 項目
- 項目

```ruby
puts 1
```

[^1]: 脚注。
"""


def test_blocks_join_to_the_full_render_with_unique_keys():
    rendered = IncrementalRenderer().render(BODY, RenderContext())
    assert rendered.result.html == render_body(BODY, RenderContext()).html
    assert "".join(block.html for block in rendered.blocks) == rendered.result.html
    keys = [block.key for block in rendered.blocks]
    assert len(set(keys)) == len(keys)
    lines = [block.line for block in rendered.blocks if block.line is not None]
    assert lines == [start for start, _end in rendered.result.blocks]


def test_a_block_keeps_its_key_when_text_above_it_moves_it():
    renderer = IncrementalRenderer()
    before = renderer.render(BODY, RenderContext())
    after = renderer.render("前書き\n\n" + BODY, RenderContext())
    kept = {block.key for block in before.blocks} & {block.key for block in after.blocks}
    assert len(kept) >= len(before.blocks) - 1  # only the footnotes' back links may change
