"""The markdown-it parser configured to read Markdown the way kramdown's GFM parser does."""

from __future__ import annotations

from types import SimpleNamespace

from markdown_it import MarkdownIt
from markdown_it import helpers as link_helpers
from markdown_it.common.utils import unescapeAll
from markdown_it.rules_block import fence as fence_rule
from markdown_it.rules_block import hr as hr_rule
from markdown_it.rules_block import lheading as lheading_rule
from markdown_it.rules_block import list_block
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.footnote import footnote_plugin

from editor.core.render import blocks, html, inline, tables, toc, tree

_TERMINATES = ["paragraph", "reference", "blockquote", "list"]


def build_markdown() -> MarkdownIt:
    """A new parser; it is never changed after this returns, so threads may share it."""
    md = MarkdownIt("commonmark", {"html": True, "xhtmlOut": True})
    md.enable(["table", "strikethrough"])
    md.use(footnote_plugin, inline=False)
    md.use(deflist_plugin)

    deflist = md.block.ruler.__rules__[md.block.ruler.__find__("deflist")].fn
    md.block.ruler.at("deflist", blocks.wrap_deflist(deflist), {"alt": _TERMINATES[:3]})
    md.block.ruler.at("fence", blocks.wrap_fence(fence_rule), {"alt": _TERMINATES})
    # A thematic break does not interrupt a paragraph in kramdown.
    md.block.ruler.at("hr", hr_rule, {"alt": ["reference", "blockquote", "list"]})
    md.block.ruler.at("heading", blocks.atx_heading, {"alt": _TERMINATES[:3]})
    md.block.ruler.at("lheading", blocks.wrap_lheading(lheading_rule))
    md.block.ruler.at("list", blocks.wrap_list(list_block), {"alt": _TERMINATES[:3]})
    md.block.ruler.at("table", tables.table, {"alt": ["reference"]})
    md.block.ruler.at("html_block", blocks.html_block, {"alt": _TERMINATES[:3]})
    md.block.ruler.before("fence", "liquid_block", blocks.placeholder, {"alt": _TERMINATES})
    md.block.ruler.before("table", "math_block", blocks.math_block, {"alt": _TERMINATES[:3]})
    md.block.ruler.before("fence", "ial", blocks.ial_line, {"alt": _TERMINATES})
    md.block.ruler.before("fence", "extension", blocks.extension, {"alt": _TERMINATES})
    md.block.ruler.before("fence", "end_of_block", blocks.end_of_block, {"alt": _TERMINATES})
    md.block.ruler.before("reference", "abbreviation", blocks.abbreviation, {"alt": _TERMINATES})

    md.inline.ruler.at("emphasis", inline.emphasis)
    md.inline.ruler.at("backticks", inline.code_span)
    md.inline.ruler.before("emphasis", "span_ial", inline.span_ial)
    md.inline.ruler.before("escape", "math_inline", inline.inline_math)
    md.inline.ruler.before("escape", "kramdown_escape", inline.escape)

    md.core.ruler.before("block", "definition_lines", blocks.mark_definition_lines)
    md.core.ruler.after("block", "explicit_heading_ids", tree.explicit_heading_ids)
    md.core.ruler.after("block", "unmark_definition_lines", tree.unmark_definition_lines)
    md.core.ruler.after("inline", "close_span_elements", tree.close_span_elements)
    md.core.ruler.after("close_span_elements", "span_attributes", tree.span_attributes)
    md.core.ruler.after("span_attributes", "typography", tree.typography)
    md.core.ruler.after("typography", "abbreviations", tree.abbreviations)
    md.core.ruler.after("abbreviations", "heading_ids", tree.heading_ids)
    md.core.ruler.push("block_attributes", tree.block_attributes)
    md.core.ruler.push("lists", tree.lists)
    md.core.ruler.push("strong_outside", tree.strong_outside)
    md.core.ruler.push("toc", toc.table_of_contents)
    md.core.ruler.push("source_lines", tree.source_lines)

    # kramdown writes link targets as they are; markdown-it would percent-encode Japanese and
    # drop the backslash of ``\_`` (this instance's own helpers: the module is shared).
    md.normalizeLink = _keep_link
    md.helpers = SimpleNamespace(
        parseLinkLabel=link_helpers.parseLinkLabel,
        parseLinkDestination=_destination_as_written,
        parseLinkTitle=link_helpers.parseLinkTitle,
    )
    for name, rule in html.RULES.items():
        md.add_render_rule(name, rule)
    return md


def _destination_as_written(string: str, pos: int, maximum: int):
    r"""A link or image target with its backslashes kept, as kramdown keeps them
    (``a\_b`` stays ``a\_b``); character references are still read."""
    result = link_helpers.parseLinkDestination(string, pos, maximum)
    if result.ok:
        raw = string[pos + 1 : result.pos - 1] if string[pos] == "<" else string[pos : result.pos]
        result.str = unescapeAll(raw.replace("\\", "\\\\"))
    return result


def _keep_link(url: str) -> str:
    """Link targets as written (kramdown does not percent-encode them)."""
    return url
