"""Jekyll's tags on python-liquid: include, include_relative, highlight, post_url, link."""

from __future__ import annotations

import re
from pathlib import Path

from liquid.ast import BlockNode, Node
from liquid.builtin.expressions import FilteredExpression
from liquid.builtin.expressions._tokenize import tokenize
from liquid.exceptions import LiquidError, LiquidSyntaxError
from liquid.parser import get_parser
from liquid.stream import TokenStream
from liquid.tag import Tag
from liquid.token import TOKEN_EOF, TOKEN_EXPRESSION, TOKEN_TAG

from editor.core.render import highlight
from editor.core.render.blocks import PLACEHOLDER
from editor.core.render.liquid import blog
from editor.core.render.liquid.engine import MAX_INCLUDE_DEPTH, current

_PARAM = re.compile(r"""([\w-]+)\s*=\s*('[^']*'|"[^"]*"|\S+)""")


def _expression(stream) -> tuple:
    """The tag token and its expression text (``""`` when it has none); the stream is left on
    the tag's last token, as the parser expects of an inline tag."""
    token = stream.current
    if stream.peek.kind == TOKEN_EXPRESSION:
        next(stream)
        return token, stream.current.value.strip(), stream.current
    return token, "", token


class IncludeNode(Node):
    """``{% include name k=v %}``: a file of ``_includes`` (or beside the post), Liquid and all."""

    __slots__ = ("name", "params", "relative")

    def __init__(self, token, name: str, params: dict, relative: bool) -> None:
        super().__init__(token)
        self.name, self.params, self.relative = name, params, relative
        self.blank = False

    def _folder(self) -> tuple[Path, Path]:
        context = current().context
        if context.blog_root is None:
            raise LiquidError("the post is not in a blog: includes cannot be found", token=None)
        root = Path(context.blog_root)
        if self.relative:
            if context.post_path is None:
                raise LiquidError("include_relative needs the post's folder", token=None)
            return root, Path(context.post_path).parent
        return root, root / "_includes"

    def _template(self):
        """The included file's template, read and parsed once per render."""
        state = current()
        key = (self.relative, self.name)
        if key not in state.includes:
            state.includes[key] = self._load()
        return state.includes[key]

    def _load(self):
        from editor.core.render.liquid.engine import compile_template

        root, folder = self._folder()
        try:
            text = blog.read_include(root, folder, self.name)
        except ValueError:
            tag = "include_relative" if self.relative else "include"
            raise LiquidError(
                f"Could not locate the included file '{self.name}' in {tag}", token=None
            ) from None
        return compile_template(text)

    def render_to_output(self, context, buffer) -> int:
        state = current()
        if state.include_depth >= MAX_INCLUDE_DEPTH:
            raise LiquidError("Nesting too deep: includes include each other", token=None)
        params = {key: value.evaluate(context) for key, value in self.params.items()}
        template = self._template()
        state.include_depth += 1
        try:
            with context.extend({"include": params}):
                return sum(node.render(context, buffer) for node in template.nodes)
        finally:
            state.include_depth -= 1

    def children(self, static_context, *, include_partials: bool = True):
        state = current()
        key = (self.relative, self.name)
        if not include_partials or key in state.analysed_includes:
            return []
        state.analysed_includes.add(key)
        try:
            return self._template().nodes
        except LiquidError:
            return []

    def expressions(self):
        yield from self.params.values()


class IncludeTag(Tag):
    name = "include"
    block = False
    relative = False

    def parse(self, stream) -> Node:
        token, text, expr_token = _expression(stream)
        name, _, rest = text.partition(" ")
        if not name or "{{" in name:
            raise LiquidSyntaxError(f"the file to {self.name} must be a plain name", token=token)
        params = {}
        for key, value in _PARAM.findall(rest):
            if value[0] in "'\"":
                value = repr(value[1:-1])  # a quoted value is literal text, as in Jekyll
            params[key] = FilteredExpression.parse(
                self.env, TokenStream(tokenize(value, expr_token))
            )
        return IncludeNode(token, name, params, self.relative)


class IncludeRelativeTag(IncludeTag):
    name = "include_relative"
    relative = True


class HighlightNode(Node):
    """``{% highlight lang [linenos] %}``: Rouge's figure, as a placeholder line for Markdown."""

    __slots__ = ("language", "linenos", "block", "lines")

    def __init__(self, token, language: str, linenos: bool, block: BlockNode, lines: int):
        super().__init__(token)
        self.language, self.linenos, self.block, self.lines = language, linenos, block, lines
        self.blank = False

    def render_to_output(self, context, buffer) -> int:
        code = context.get_buffer()
        for node in self.block.nodes:
            node.render(context, code)
        html = highlight.liquid_block(code.getvalue(), self.language, self.linenos)
        so_far = buffer.getvalue() if hasattr(buffer, "getvalue") else ""
        line_start = so_far[so_far.rfind("\n") + 1 :]
        if line_start.strip():
            return buffer.write(html)  # in the middle of a line: stays inline HTML, as in Jekyll
        state = current()
        state.blocks.append(html)
        # The figure stands on one line; filler lines keep the Markdown after it on its lines.
        filler = ("\n" + line_start + PLACEHOLDER) * self.lines
        return buffer.write(f"{PLACEHOLDER}L{len(state.blocks) - 1}{PLACEHOLDER}{filler}")

    def children(self, static_context, *, include_partials: bool = True):
        return [self.block]


class HighlightTag(Tag):
    name = "highlight"
    end = "endhighlight"
    block = True

    def parse(self, stream) -> Node:
        token = stream.eat(TOKEN_TAG)
        words = stream.current.value.split() if stream.current.kind == TOKEN_EXPRESSION else []
        if not words:
            raise LiquidSyntaxError("Syntax Error in tag 'highlight'", token=token)
        next(stream)
        block = get_parser(self.env).parse_block(stream, (self.end, TOKEN_EOF))
        end = stream.expect(TOKEN_TAG, value=self.end)
        source = token.source
        begin = source.rfind("{%", 0, token.start_index + 1)
        finish = source.find("%}", end.start_index)
        lines = source.count("\n", begin, finish)
        # Jekyll lower-cases the language of the highlight tag (a fence's stays as written).
        return HighlightNode(token, words[0].lower(), "linenos" in words[1:], block, lines)


class PostUrlNode(Node):
    __slots__ = ("name",)

    def __init__(self, token, name: str) -> None:
        super().__init__(token)
        self.name = name
        self.blank = False

    def render_to_output(self, context, buffer) -> int:
        blog_context = current().context
        root = blog_context.blog_root
        url = blog.post_url(Path(root), self.name, blog_context.site) if root else None
        if url is None:
            raise LiquidError(f"Could not find post \"{self.name}\" in tag 'post_url'", token=None)
        return buffer.write(url)


class PostUrlTag(Tag):
    name = "post_url"
    block = False

    def parse(self, stream) -> Node:
        token, text, _ = _expression(stream)
        return PostUrlNode(token, text)


class LinkNode(PostUrlNode):
    def render_to_output(self, context, buffer) -> int:
        blog_context = current().context
        root = blog_context.blog_root
        target = self.name
        url = None
        if root is not None and "{{" not in target:
            url = blog.link_url(Path(root), target, blog_context.site)
        if url is None:
            raise LiquidError(f"Could not find document '{target}' in tag 'link'", token=None)
        return buffer.write(url)


class LinkTag(PostUrlTag):
    name = "link"

    def parse(self, stream) -> Node:
        token, text, _ = _expression(stream)
        return LinkNode(token, text)


TAGS = (IncludeTag, IncludeRelativeTag, HighlightTag, PostUrlTag, LinkTag)
