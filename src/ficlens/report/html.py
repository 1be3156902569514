"""Render a story-world as one self-contained HTML page (no network, no libraries).

The text is server-rendered (paragraphs with quote spans, see ``text.py``); the
charts are drawn in the browser by ``static/report.js`` from the data embedded as
``<script type="application/json">`` (see ``data.py``). A Content-Security-Policy
allows only this page's own script and style, by hash, so injected markup that
somehow survived escaping still could not run.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterable
from functools import cache
from html import escape
from importlib.resources import files
from pathlib import Path
from string import Template

from ..model import Span, StoryWorld, TagSuggestion
from .data import plural, report_data, script_json, snippet, word_count
from .text import render_notes, render_text

TAG_GROUPS = [("fandoms", "Fandoms", "fandoms"), ("rating", "Rating", "rating"),
              ("warnings", "Warnings", "warnings"), ("category", "Category", "category"),
              ("relationships", "Relationships", "relationships"), ("characters", "Characters", "characters"),
              ("additional", "Additional tags", "additional_tags")]
EVIDENCE_SHOWN = 3
CHAPTERS_OPEN = 12  # longer chapter lists start folded


@cache
def _resource(name: str) -> str:
    return files("ficlens.report").joinpath(name).read_text(encoding="utf-8")


def _sha256(source: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode()


def _speaker_css(colors: Iterable[str]) -> str:
    """One colour variable per character, and the rules that highlight one character's lines."""
    rules = []
    for i, color in enumerate(colors):
        rules.append(f".k{i}{{--c:{color}}}")
        rules.append(f'body[data-hl="{i}"] .q.k{i}{{opacity:1;box-shadow:0 0 0 2px var(--c);'
                     f'background:color-mix(in srgb,var(--c) 26%,transparent)}}')
    return "\n".join(rules)


def _evidence(world: StoryWorld, spans: list[Span]) -> str:
    """Up to three evidence quotations, each a button that jumps to its paragraph."""
    items = []
    for span in spans[:EVIDENCE_SHOWN]:
        quoted = snippet(world.text, span.start, span.end, 160)
        label = escape(span.note) + ": " if span.note else ""
        if quoted:
            items.append(f'<li><button type="button" class="ev" data-o="{span.start}">{label}'
                         f'“{escape(quoted)}”</button></li>')
    return f'<ul class="evidence">{"".join(items)}</ul>' if items else ""


def _tag_row(world: StoryWorld, tag: TagSuggestion) -> str:
    if tag.author_tagged is True:
        badge = '<span class="badge agree" title="the author used this tag too">author ✓</span>'
    elif tag.author_tagged is False:
        badge = '<span class="badge new" title="the author did not use this tag">new</span>'
    else:
        badge = ""
    reason = f'<span class="reason">{escape(tag.reason)}</span>' if tag.reason else ""
    return (f'<li class="tag"><div class="tag-line"><span class="tag-name">{escape(tag.tag)}</span>{badge}'
            f'<meter min="0" max="1" value="{tag.score:.2f}" title="score {tag.score:.2f}"></meter>'
            f'<span class="score">{tag.score:.2f}</span></div>{reason}{_evidence(world, tag.evidence)}</li>')


def render_relationships(world: StoryWorld) -> str:
    """Typed relationships, most confident first, with the evidence behind each."""
    rows = []
    for r in sorted(world.relationships, key=lambda r: -r.confidence):
        source, target = world.character(r.source), world.character(r.target)
        if source is None or target is None:
            continue
        label = f" ({escape(r.label)})" if r.label else ""
        pair = f"<strong>{escape(source.name)}</strong> – <strong>{escape(target.name)}</strong>"
        rows.append(f'<li class="rel"><span class="sw-line {escape(r.type)}" aria-hidden="true"></span>'
                    f'{pair}: {escape(r.type)}{label} '
                    f'<span class="score">{r.confidence:.2f}</span>{_evidence(world, r.evidence)}</li>')
    if not rows:
        return ""
    return f'<h3 class="sub-h">Relationships</h3><ul class="rels">{"".join(rows)}</ul>'



def render_tags(world: StoryWorld) -> str:
    """Suggested AO3 tags with scores and evidence, beside the author's own tags."""
    meta = world.metadata
    rows = []
    for field, label, meta_field in TAG_GROUPS:
        suggested: list[TagSuggestion] = getattr(world.tags, field)
        own = getattr(meta, meta_field)
        own = [own] if isinstance(own, str) else list(own or [])
        if not suggested and not own:
            continue
        suggested_html = ("<ul class=\"tags\">" + "".join(_tag_row(world, t) for t in suggested) + "</ul>"
                          if suggested else '<p class="muted">none suggested</p>')
        own_html = ("".join(f'<span class="chip">{escape(t)}</span>' for t in own)
                    if own else '<span class="muted">—</span>')
        rows.append(f'<div class="tag-group"><h4>{label}</h4><div class="tag-cols">'
                    f'<div class="suggested">{suggested_html}</div>'
                    f'<div class="own"><span class="own-label">Author</span>{own_html}</div></div></div>')
    for key, values in world.tags.comparison.items():
        if values:
            chips = "".join(f'<span class="chip">{escape(v)}</span>' for v in values)
            heading = escape(key.replace("_", " "))
            rows.append(f'<div class="tag-group compare"><h4>{heading}</h4>{chips}</div>')
    if not rows:
        return '<p class="muted">No tags were suggested.</p>'
    return f'<div class="groups">{"".join(rows)}</div>'


def _work_title(world: StoryWorld) -> str:
    if world.metadata.title:
        return world.metadata.title
    return Path(world.source.path).name if world.source.path else "Untitled work"


def _header(world: StoryWorld, data: dict) -> str:
    meta = world.metadata
    title = _work_title(world)
    facts = [f"{word_count(world.text) if world.text else world.stats.get('words', 0):,.0f} words",
             plural(len(world.chapters), "chapter"), plural(len(world.scenes), "scene"),
             plural(len(world.quotes), "quotation"),
             plural(sum(1 for c in data["characters"] if c["lines"]), "speaker")]
    byline = f'<p class="byline">by {escape(meta.author)}</p>' if meta.author else ""
    fandom = f'<p class="fandom">{escape(", ".join(meta.fandoms))}</p>' if meta.fandoms else ""
    summary = f'<p class="summary">{escape(meta.summary)}</p>' if meta.summary else ""
    return (f'<h1>{escape(title)}</h1>{byline}{fandom}{summary}'
            f'<p class="facts">{escape(" · ".join(facts))}</p>')


def _chapter_nav(world: StoryWorld) -> str:
    if len(world.chapters) < 2:
        return ""
    links = "".join(f'<li><a href="#ch-{i}">{i + 1}. {escape(c.title or f"Chapter {i + 1}")}</a></li>'
                    for i, c in enumerate(world.chapters))
    opened = " open" if len(world.chapters) <= CHAPTERS_OPEN else ""
    return (f'<nav class="chapters" aria-label="Chapters"><details{opened}><summary>'
            f'{len(world.chapters)} chapters</summary><ol>{links}</ol></details></nav>')


def render_html(world: StoryWorld) -> str:
    """The whole report page for ``world`` (see module doc)."""
    data = report_data(world)
    speakers = {c["id"]: i for i, c in enumerate(data["characters"])}
    style = _resource("static/report.css") + "\n" + _speaker_css(c["color"] for c in data["characters"])
    script = _resource("static/report.js")
    csp = (f"default-src 'none'; script-src '{_sha256(script)}'; style-src '{_sha256(style)}'; "
           "img-src data:; base-uri 'none'; form-action 'none'")
    page = Template(_resource("templates/report.html"))
    return page.substitute(
        csp=escape(csp),
        title=escape(_work_title(world)),
        style=style,
        header=_header(world, data),
        chapter_nav=_chapter_nav(world),
        notes_before=render_notes(world, "before"),
        story=render_text(world, data["scenes"], speakers),
        notes_after=render_notes(world, "after"),
        tags=render_tags(world),
        relationships=render_relationships(world),
        data=script_json(data),
        script=script,
    )
