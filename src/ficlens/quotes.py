"""Quotes: find every quotation in the story and say what kind it is.

Reads ``text``, ``chapters``, ``notes`` and ``paragraphs``; fills ``quotes`` (ids
``q1``, ``q2``... in text order) with spans that include the quote marks, the text
between them, the paragraph index, ``kind`` (speech, thought, written, mention) and
``continues`` links. Speakers are left to :mod:`ficlens.attribution`.

How marks are paired, in one pass over the text (linear, regex only):

* The dialogue convention is decided per document: double quotes (straight or
  curly) unless single quotes open more quotations than double ones do (British
  style). Marks of the other convention are left alone, so nested quotes stay
  inside the outer quote.
* Single marks are told from apostrophes by context: between letters (``don't``,
  ``o'clock``), elisions at a word start (``'em``, ``'tis``, ``'90s``) and
  trailing ones followed by a lowercase word while a later closer exists in the
  paragraph (``the boys' coats``, ``goin' home``) are apostrophes.
* A paragraph here is a blank-line block in hard-wrapped texts (Gutenberg style)
  and a line otherwise. Quotes never cross one, except that a quote still open
  at a paragraph's end goes on into the next paragraph when that one opens with
  a quote mark (multi-paragraph speech) or when its first mark closes the quote
  (each paragraph's part is its own quote, linked by ``continues``); and, in
  texts with one paragraph per line, a quote whose closing mark comes on the
  next line runs on across the line break. Otherwise the quote is closed at the
  paragraph's end, so a missing mark never swallows the chapter.
* A quote opening inside an open quote, in the same marks, stays inside it
  when a closing mark still follows its own ("I said "hi" to her," he said).
* Kind comes from the nearest tag verb after the quote (else before it): "she
  wrote", "the sign read" (written), "he thought" (thought), "said" (speech);
  short phrases after a determiner or inside a sentence with no tag verb are
  mentions; quotes opening an indented line, where dialogue is not indented,
  are letters (written); so are words in capitals set inside a sentence with no
  tag verb ("the banner ticked down to "COLLISION PROBABILITY: 64%""), and a
  quote after a colon whose sentence, or the one before, brings something
  written ("...a notification slid down. It was from Mom: "Call me."", "had
  inked a label on it: "Three drops."").
* Two quotes in one paragraph separated by a short tag ("No," he said, "not
  yet.") are linked: the second ``continues`` the first; a written part and a
  spoken one only when a tag stands between them (a sticker's "OPEN LATE" and
  the line after it are two).
* Dialogue told with dashes instead of marks (translations from Russian or Spanish,
  Joyce): when more lines open with a dash (or a colon introduces one) than quotes
  open with marks, and at least ``_DASH_MIN``, a dashed paragraph is speech up to
  its tags: "— Hi, — said Ivan. — Come in." (a dash after the speech's punctuation
  opens the tag, the next one closes it; the dashes are the quote's marks) or
  "—Thanks, he said. Come in." (a subject and a speech verb open the tag; the
  speech goes on at the next sentence unless a subject acting opens it: "He came
  over."). Quote marks outside that speech are still read ("Closed", on a sign).
* Chat lines ("Mercedes: who ate my pizza", "**Puck:** define ate", "puckasaurus:
  hi"), two or more in a row with some sender twice or every sender a first name, are
  written quotes (messages) whose ``evidence`` is the sender's name (note "sender");
  labels ("Rating:", "Note:") are no senders. When every line of such a run is in quotation
  marks ('Odile: "It's two in the morning."'), it is a script: speech, each line its
  sender's. The attribution stage gives each message and script line its sender.
* Thoughts in italics (the markup's, ``world._italics``, or typed ``*like this*``,
  ``_like this_``), when the italics are a whole sentence that reads as an inner voice, a
  short paragraph of their own, or go on from a thought in their paragraph, are ``thought``
  quotes (evidence note "italics", for the attribution stage); an emphasised word or a
  title is none, nor is verse: lines in a row each set in italics whole, a song's lyrics.
  Where dialogue takes double quotes, so are thoughts in single quotes a thought tag follows
  ("'Not really,' Harry thought"; evidence note "single quotes"); with a speech tag
  ("'Don't get her started,' Tilly mouthed"), such single quotes are speech.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass

from .lexicon import PAST_ACTS, SPEECH_VERBS, first_names
from .model import Quote, QuoteKind, Span, StoryWorld

_DOUBLE_MARKS = re.compile(r"[\"\u201c\u201d\u201e\u00ab\u00bb]")  # straight, curly, low-9, guillemets
_SINGLE_MARKS = re.compile(r"['\u2018\u2019]")
_NON_SPACE = re.compile(r"\S")
_ELISION = re.compile(r"(?:em|tis|twas|twere|cause|cos|coz|til|till|n|bout|round|kay|ere|im|er|ow"
                      r"|scuse|s|\d\d?s?)\b", re.IGNORECASE)
_OPEN_BEFORE = set(" \t\n([{\u2014\u2013-/\u201c\"")
_CLOSE_AFTER = set(" \t\n,.;:!?)]}\u2014\u2013-\u2026/*_\u201d\"")
_WRAP_MIN, _WRAP_MAX = 40, 100  # the lengths of lines broken by a fixed-width wrap (with a line below)

_SPEECH_VERBS = (r"said|says|say|asked|asks|ask|replied|replies|answered|cried|called|shouted|yelled|"
                 r"whispered|murmured|muttered|added|continued|began|exclaimed|snapped|told|tells|"
                 r"repeated|insisted|laughed|sighed|groaned|hissed|screamed|returned|rejoined|"
                 r"observed|remarked|went on|breathed|mumbled|stammered|sobbed|pleaded|begged|"
                 r"demanded|agreed|explained|retorted|interrupted|protested|corrected|offered|"
                 r"teased|joked|sang|called out|spoke|speaking|saying|asking|replying|mouthed|mouths")
_THOUGHT_VERBS = (r"thought|thinks|think|thinking|wondered|wonders|wondering|mused|muses|reflected|pondered|"
                  r"(?:asked|told|said to) (?:him|her|them|my|your)sel(?:f|ves)")
_WRITTEN = (r"wrote|written|texted|typed|scrawled|scribbled|printed|inked|inscribed|engraved|captioned|"
            r"headlined|e-?mailed|messaged|tweeted|posted|"
            r"(?:sign|note|letter|text|message|card|banner|headline|caption|label|e-?mail|post|tweet|screen|"
            r"plaque|poster|inscription|telegram|notice|page|paper|envelope|postcard|tag|entry|entries|log|"
            r"display|readout|sticker|placard|board|confirmation|apron|shirt|t-shirt|mug|badge|receipt|memo|"
            r"invitation|ticket|menu|flyer|leaflet|billboard|subject line)s?"
            r"(?:\s+(?!(?:and|but|then)\b)[\w'\u2019-]+){0,4}?"
            r"\s+(?:said|says|read|reads|reading|stated|announced)")
# what is put down in pencil, ink or chalk is written, whatever the verb: "in smudged pencil, someone had
# added 'and Ronan'", "it said, in looping green letters:"
_WRITING_MEDIUM = re.compile(r"\bin\s+(?:[\w'\u2019-]+\s+){0,3}?(?:pencil|ink|biro|marker|felt-tip|chalk|"
                             r"crayon|lipstick|handwriting|letters|capitals|font|typeface)\b"
                             r"(?!\s+(?:skirt|case|sharpener|of)\b)",
                             re.IGNORECASE)
_SPEECH = re.compile(rf"\b(?:{_SPEECH_VERBS})\b", re.IGNORECASE)
_CUE = re.compile(rf"\b(?:(?P<written>{_WRITTEN})|(?P<thought>{_THOUGHT_VERBS})|"
                  rf"(?P<speech>{_SPEECH_VERBS}))\b", re.IGNORECASE)
# the subject of a tag: "Sunny said" / "said Dele" / "he hissed"
_TAG_SUBJECT = re.compile(rf"\b([A-Z][\w'\u2019-]*|[Hh]e|[Ss]he|[Tt]hey|I|[Ww]e)\s+(?:[a-z]+ly\s+)?"
                          rf"(?:{_SPEECH_VERBS})\b|\b(?:{_SPEECH_VERBS})\s+(?:the\s+)?([A-Z][\w'\u2019-]*|he|she)\b")
_THOUGHT_TAG_BEFORE = re.compile(rf"\b(?:{_THOUGHT_VERBS})\W*$", re.IGNORECASE)
_DETERMINER = re.compile(r"\b(?:his|their|my|your|our|its|the|a|an|that|this|"
                         r"(?<!said )(?<!told )(?<!asked )her)\s*$", re.IGNORECASE)
_MENTION_CUE = re.compile(r"\b(?:called|named|titled|entitled|the title|the word|the words|the phrase|term|"
                          r"dubbed|nicknamed|so-called|known as|spelled|spelt)\s*$", re.IGNORECASE)
# "Painted over the door were the words "Abandon Hope!"": what is written there
_WORDS_WRITTEN = re.compile(r"\b(?:were|was|are|is)\s+the\s+words?\s*$", re.IGNORECASE)
_TAG_SPLIT = re.compile(r"[,!?][\"\u201d\u00bb]")  # a quote that ends mid-sentence before a tag
_SENTENCE_PUNCT = re.compile(r"[.!?,;:\u2026]|--|\u2014")
_SENTENCE_END = re.compile(r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bJr)[.!?](?=\s|$)")
# italics as typed in plain text: *like this* or _like this_ (not **bold**, not "* * *"); a single
# line break inside (hard-wrapped text), never a blank line
_TYPED_ITALICS = re.compile(r"(?<![\w*])\*(?=[^\s*])((?:[^*\n]|\n(?![ \t]*\n)){1,600}?)(?<=[^\s*])\*(?![\w*])"
                            r"|(?<![\w_])_(?=[^\s_])((?:[^_\n]|\n(?![ \t]*\n)){1,600}?)(?<=[^\s_])_(?![\w_])")
# a thought in single quotes where dialogue takes double ones: 'That's never happened,' he thought
_SINGLE_QUOTED = re.compile(r"(?<![\w'\u2018\u2019])['\u2018]"
                            r"((?:[^'\u2018\u2019\n]|(?<=\w)['\u2019](?=\w)){1,600}?[,.!?\u2026\u2014-])"
                            r"['\u2019](?![\w'\u2019])")
_THOUGHT_WORDS = 80  # longer italics are a flashback, a letter or lyrics, not one thought
_ALONE_WORDS = 25  # italics this short that are a paragraph or a sentence of their own are a thought
# a scene's heading in italics, no thought: "*Three years later.*", "*London, 1944.*"
_HEADING = re.compile(r"^(?=(?:\W*\w+){1,6}\W*$)(?:.*\d|.*\b(?:years?|months?|weeks?|days?|hours?|minutes?|"
                      r"time|decades?)\s+(?:later|earlier|ago|before)\W*$)", re.IGNORECASE)
# what the sentence before italics (or a quote after a colon) brings when they are written, not
# thought or said: "She found the note in her book.", "Her phone buzzed."
_WRITTEN_THING = re.compile(r"\b(?:(?:note|letter|text|texts|message|sign|card|e-?mail|postcard|notice|"
                            r"inscription|caption|banner|screen|headline|notification|label|display|readout|"
                            r"sticker|placard)s?\b(?!\s+(?:of|about)\b)"
                            r"|buzz(?:ed|es|ing)\b)", re.IGNORECASE)  # a phone that buzzes brings a message
_WRITTEN_BEFORE = re.compile(rf":\s*$|{_WRITTEN_THING.pattern}", re.IGNORECASE)
# a quote inside a sentence, right after a word in lower case (not "shouting, "...": a lead-in's comma)
_SHOWN = re.compile(r"[a-z]\s+$")
_BEFORE_THOUGHT = "\n.!?\u2026:\"\u201d\u2019)\u2014-"  # italics after these open a sentence
_THOUGHT_TAG_AFTER = re.compile(rf"(?:[ \t,.!?\u2014\u2026-]|\n(?![ \t]*\n))*"
                                rf"(?:(?:[A-Z][\w'\u2019-]*|he|she|they|I|we)\s+"
                                rf"(?:[a-z]+ly\s+)?(?:{_THOUGHT_VERBS})|(?:{_THOUGHT_VERBS})\s+(?:[A-Z]|he\b|she\b))")
# "'Don't get her started,' Tilly mouthed": single quotes in a story of double ones, with a speech tag
_SPEECH_TAG_AFTER = re.compile(rf"[,!?\u2014\u2026-]?[ \t]+(?:[A-Z][\w'\u2019-]*|he|she|they|I|we)[ \t]+"
                               rf"(?:[a-z]+ly[ \t]+)?(?:{_SPEECH_VERBS})\b")
_INNER_VOICE = re.compile(r"\bI(?:'m|'d|'ll|'ve)?\b|n't\b|(?i:\b(?:me|my|mine|myself|we|us|our|you|your|"
                          r"am|is|are|can|will)\b)")
_SET_APART_SHARE = 0.2  # indented quotes are letters only where most quotes are not indented
_CUE_WINDOW = 60  # characters either side of a quote searched for tags like "she wrote"
_LEAD_REACH = 300  # characters before a quote after a colon searched for what brings something written
_TAG_GAP = 80  # longest narration between two quotes that still splits one speech
_BARE_TAG = 25  # "he said. ": the longest tag after a finished sentence that still splits one
_DASH = r"(?:\u2014|\u2015|--(?!-)|\u2013(?=[ \t]))"
# a dialogue dash opening a line, or after a colon: "—Come in." / "He said: — Come in." (not a
# scene break's "— — —")
_DASH_OPENER = re.compile(rf"(?:^[ \t]*|:[ \t]*)({_DASH})[ \t]*(?=[^\s\u2014\u2013*~=_-])", re.MULTILINE)
_DASH_MIN = 3  # dashed lines, at least, for a text told in dashes (and more than quotes by marks)
_DASH_TAG = re.compile(
    rf"(?:(?:[A-Z][\w'\u2019-]*\s+){{0,2}}(?:[A-Z][\w'\u2019-]*|he|she|they|I|we|you)\s+"
    rf"(?:[a-z]+ly\s+|(?:had|has|have|was|were|would|then)\s+)?"
    rf"(?:{SPEECH_VERBS})|(?:{SPEECH_VERBS})\s+(?:the\s+)?(?:[A-Z][\w'\u2019-]*|he|she|they|I|we))\b")
# where a dashed speech stops for its tag: after its punctuation, a dash or a subject and speech verb
_SPEECH_ENDS = re.compile(rf"([,.!?;\u2026])[ \t]*(?:(?P<dash>{_DASH})[ \t]*|[ \t]+(?={_DASH_TAG.pattern}))")
_DASH_RESUMES = re.compile(rf"[,.!?;:\u2026][ \t]*({_DASH})[ \t]*(?=\S)")  # "— said Ivan. — Come in."
_SENTENCE_GAP = re.compile(r"[.!?\u2026][ \t]+(?=\S)")  # "he said brightly. Switch off the light."
_COLON_DASH = re.compile(rf":[ \t]*({_DASH})[ \t]*(?=\S)")  # "Dante said: —Pull out his eyes."
_NARRATION_OPENS = re.compile(  # "He came over", "Buck Mulligan attacked": a subject acting, not speech
    rf"(?:[Hh]e|[Ss]he|[Tt]hey|[A-Z][\w'\u2019-]*(?:[ \t]+[A-Z][\w'\u2019-]*)?)[ \t]+(?:[a-z]+ly[ \t]+)?"
    rf"(?:{PAST_ACTS})\b")


# a chat's or a script's line: "Mercedes: who ate my pizza", "**Puck:** define ate", "[10:42] kurt_h: hi",
# "puckasaurus: define ate", "*Blaine: where are you*" (a text set in italics)
_CHAT_LINE = re.compile(
    r"^[ \t]*(?:\[[^\]\n]{1,20}\][ \t]*)?(?P<wrap>[*_](?![*_\s]))?(?:\*\*|__)?"
    r"(?P<name>[A-Z][\w'\u2019.-]*(?:[ \t][A-Z][\w'\u2019.-]*){0,2}|[A-Za-z][A-Za-z0-9]*[_.0-9][\w.]*"
    r"|[a-z][a-z0-9]{2,23})"
    r"(?:\*\*|__)?[ \t]*:(?:\*\*|__)?[ \t]+(?P<message>\S[^\n]*?)(?(wrap)[*_])[ \t]*$", re.MULTILINE)
# labels a line may open with that name no sender: a story's header, a note, a transcript's turns
_LABELS = frozenset(
    "note notes warning warnings summary disclaimer rating ratings pairing pairings relationship "
    "relationships fandom fandoms character characters chapter chapters author authors title tags tag "
    "update edit beta status words word time date day location place setting subject from to re cc "
    "ps p.s. q a question answer translation song artist lyrics prompt part book episode scene season "
    "spoilers genre archive category categories series language".split())


@dataclass
class _Mark:
    pos: int
    role: str  # "open", "close" or "either"


@dataclass
class _Found:
    start: int
    end: int
    text_start: int
    text_end: int
    unit: int  # where its paragraph starts
    continues: _Found | None = None
    sender: tuple[int, int] | None = None  # a chat message's "Mercedes:", or a script line's "Odile:"
    spoken: bool = False  # a script's line of speech: 'Odile: "It's two in the morning."'
    set_apart: str | None = None  # a thought set in "italics" or "single quotes", not the dialogue's marks


def find_quotes(world: StoryWorld) -> StoryWorld:
    """Fill ``world.quotes`` with every quotation in the chapters; see the module docstring."""
    text = world.text
    note_spans = [(n.start, n.end) for n in world.notes]
    found = [f for f in _quotations(text, world.story_spans() or [(0, len(text))], world._italics)
             if not _inside_notes(f, note_spans)]
    order = {id(f): i for i, f in enumerate(found)}
    indented = [_is_indented(text, f.start) for f in found]
    set_apart = sum(indented) < _SET_APART_SHARE * len(found)  # indenting marks letters here
    kinds: list[QuoteKind] = ["speech" if f.spoken else
                              "written" if f.sender or set_apart and indented[i] else
                              _set_apart_kind(text, f) if f.set_apart else
                              _kind(text, f, found[i + 1].start if i + 1 < len(found) else len(text))
                              for i, f in enumerate(found)]
    _link_tagged_parts(text, found, kinds)
    links = [order.get(id(f.continues)) if f.continues else None for f in found]
    for i, link in enumerate(links):
        if link is not None and kinds[link] != "mention":
            kinds[i] = kinds[link]
    paragraph_starts = [p.start for p in world.paragraphs]
    quotes = [Quote(id=f"q{i + 1}", start=f.start, end=f.end, text=text[f.text_start:f.text_end],
                    kind=kinds[i], paragraph=_paragraph_index(paragraph_starts, f.start),
                    continues=_quote_id(links[i]),
                    evidence=_marked_by(f))
              for i, f in enumerate(found)]
    world.quotes = quotes
    return world


def quotation_spans(text: str, spans: list[tuple[int, int]], italics: list[tuple[int, int]] | None = None,
                    ) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Where each quotation within ``spans`` starts and ends, marks included, in text order, and
    where each chat message names its sender ("Mercedes" of "Mercedes: who ate my pizza"): what
    ``find_quotes`` finds, for a stage that runs before it (the characters stage's dialogue, and
    its senders, who are people). ``italics``: where the markup set text in italics."""
    found = _quotations(text, spans, italics or [])
    return [(f.start, f.end) for f in found], [f.sender for f in found if f.sender]


def _marked_by(found: _Found) -> list[Span]:
    """The quote's evidence from this stage: a chat message's sender ("sender"), or how a thought
    is set apart ("italics", "single quotes"), for the attribution stage."""
    if found.sender:
        return [Span(start=found.sender[0], end=found.sender[1], note="sender")]
    return [Span(start=found.start, end=found.end, note=found.set_apart)] if found.set_apart else []


def _quotations(text: str, spans: list[tuple[int, int]], italics: list[tuple[int, int]]) -> list[_Found]:
    double_open = sum(1 for m in _DOUBLE_MARKS.finditer(text) if _double_role(text, m.start()) != "close")
    single_open = sum(1 for m in _SINGLE_MARKS.finditer(text) if _single_role(text, m.start()) == "open")
    single = single_open > double_open  # British style
    dashed = _dash_openers(text) > max(double_open, single_open, _DASH_MIN - 1)
    wrapped = _is_hard_wrapped(text)
    found: list[_Found] = []
    for start, end in spans:
        units = _units(text, start, end, wrapped)
        marked = _pair_marks(text, units, single, wrapped)
        if dashed:
            spoken = _dash_quotes(text, units)
            marked = sorted(spoken + _outside(marked, spoken), key=lambda f: f.start)
        messages = _chat_messages(text, start, end)
        marked = sorted(messages + _outside(marked, messages), key=lambda f: f.start)
        thoughts = _set_apart_thoughts(text, units, italics, start, end, single_free=not single)
        found.extend(sorted(marked + _outside(thoughts, marked), key=lambda f: f.start))
    return found


def _set_apart_thoughts(text: str, units: list[tuple[int, int]], italics: list[tuple[int, int]],
                        start: int, end: int, single_free: bool) -> list[_Found]:
    """Thoughts set in italics, by the markup (``italics``) or as typed (``*like this*``,
    ``_like this_``): a whole sentence or more (``_whole_sentences``) that reads as someone's inner
    voice (``_inner_voice``), is a short paragraph of its own ("*Here it comes.*") or is one part
    of a thought split by its tag ("*He looks terrible,* she thought. *He looks like a kid.*",
    "*Later,* he decided. *I will ask him.*"). Where dialogue takes double quotes
    (``single_free``), also thoughts in single quotes that a thought tag follows ("'Not really,'
    Harry thought"), or one part of such a thought."""
    spans = [(first, last, first, last, "italics") for first, last in italics if start <= first < end]
    for typed in _TYPED_ITALICS.finditer(text, start, end):  # "*like this*": the asterisks are its marks
        inner = 1 if typed.group(1) else 2
        spans.append((typed.start(), typed.end(), typed.start(inner), typed.end(inner), "italics"))
    if single_free:
        spans += [(m.start(), m.end(), m.start(1), m.end(1), "single quotes")
                  for m in _SINGLE_QUOTED.finditer(text, start, end)]
    unit_starts = [u for u, _ in units]
    whole: list[_Found] = []
    sure: list[bool] = []  # it reads as a thought on its own
    lone: list[bool] = []  # a paragraph of its own
    for first, last, inner_start, inner_end, how in sorted(spans):
        tagged = _THOUGHT_TAG_AFTER.match(text, last, last + _CUE_WINDOW) is not None  # "*Great,* he thought"
        if whole and first < whole[-1].end or not _whole_sentences(text, first, last, inner_start, inner_end,
                                                                   tagged):
            continue
        unit, unit_end = units[max(0, bisect_right(unit_starts, first) - 1)] if units else (start, end)
        alone = not text[unit:first].strip() and not text[last:unit_end].strip() \
            and len(text[inner_start:inner_end].split()) <= _ALONE_WORDS  # a paragraph: "*Here it comes.*"
        whole.append(_Found(start=first, end=last, text_start=inner_start, text_end=inner_end, unit=unit,
                            set_apart=how))
        lone.append(alone and how == "italics")
        sure.append(tagged or _SPEECH_TAG_AFTER.match(text, last) is not None if how == "single quotes" else
                    alone or _inner_voice(text, last, inner_start, inner_end, tagged))
    split = [i > 0 and _one_thought(text, whole[i - 1], whole[i]) for i in range(len(whole))]
    stanzas = "\n\n" in text  # where blank lines part paragraphs, a line break inside one is verse's
    verse = [stanzas and i > 0 and _one_stanza(text, whole[i - 1], whole[i])
             for i in range(len(whole))] + [False]
    kept = [False] * len(whole)
    for i in range(len(whole)):
        kept[i] = sure[i] or split[i] and kept[i - 1] or i + 1 < len(whole) and split[i + 1] and sure[i + 1]
        kept[i] = kept[i] and not verse[i] and not verse[i + 1]
    _phone_lines(text, units, [(found, alone) for found, alone, keep in zip(whole, lone, kept, strict=True)
                               if keep])
    return [found for found, keep in zip(whole, kept, strict=True) if keep]


_PHONE = re.compile(r"\b(?:phone|cellphone|mobile|voicemail|on speaker|speakerphone|the line|dialled|"
                    r"dialed)\b", re.IGNORECASE)
PHONE_REACH = 1_500  # characters before a call's first italic line that may say it is a call
PHONE_RUN = 3  # paragraphs between two italic lines of one call


def _phone_lines(text: str, units: list[tuple[int, int]], found: list[tuple[_Found, bool]]) -> None:
    """The far side of a phone call in italics, one paragraph each, between the near side's quoted
    lines ('"What did you do?"' / *Why do you always assume I did something?*): speech, not the
    listener's thoughts, when the narration just before speaks of a phone and another such line
    comes within ``PHONE_RUN`` paragraphs, one of them next to a quoted line."""
    if sum(alone for _, alone in found) < 2:  # a call is two such lines at least
        return
    unit_starts = [u for u, _ in units]
    places = [bisect_right(unit_starts, f.start) - 1 for f, _ in found]
    quoted = {i for i, (a, b) in enumerate(units) if _DOUBLE_MARKS.search(text, a, b)}
    for k, (line, alone) in enumerate(found):
        if not alone or not _PHONE.search(text, max(0, line.start - PHONE_REACH), line.start):
            continue
        near = [j for j, (other, other_alone) in enumerate(found)
                if j != k and other_alone and abs(places[j] - places[k]) <= PHONE_RUN]
        if near and any(p in quoted for j in (k, *near) for p in (places[j] - 1, places[j] + 1)):
            line.spoken = True


def _one_stanza(text: str, first: _Found, second: _Found) -> bool:
    """Two lines in a row, each set in italics whole (in a text whose paragraphs blank lines part):
    verse (a song's lyrics), not thoughts. (Where a line break ends a paragraph, each such line is
    a paragraph of its own, and a thought.)"""
    return first.set_apart == second.set_apart == "italics" \
        and _LINE_BREAK.fullmatch(text, first.end, second.start) is not None \
        and _whole_line(text, first) and _whole_line(text, second)


_LINE_BREAK = re.compile(r"[ \t]*\n[ \t]*")


def _whole_line(text: str, found: _Found) -> bool:
    line_start = text.rfind("\n", 0, found.start) + 1
    line_end = text.find("\n", found.end)
    return not text[line_start:found.start].strip() \
        and not text[found.end:line_end if line_end >= 0 else len(text)].strip()


def _one_thought(text: str, first: _Found, second: _Found) -> bool:
    """Two thoughts set apart alike in a paragraph, with at most a tag between them, no quote marks."""
    return first.unit == second.unit and first.set_apart == second.set_apart \
        and second.start - first.end <= _TAG_GAP and not _DOUBLE_MARKS.search(text, first.end, second.start)


def _whole_sentences(text: str, start: int, end: int, inner_start: int, inner_end: int, tagged: bool) -> bool:
    """Italics that open a sentence and end it (or a thought tag follows, ``tagged``: "*Great,* he thought"),
    with no quote marks inside: no emphasised word, no title ("*Vogue*"), no flashback with its
    own dialogue, no scene heading ("*Three years later.*")."""
    inner = text[inner_start:inner_end]
    words = inner.split()
    if not words or len(words) > _THOUGHT_WORDS or _DOUBLE_MARKS.search(inner) or _HEADING.match(inner):
        return False
    before = text[max(0, start - 3):start].rstrip(" \t")
    ends = inner.rstrip()[-1] in ".!?\u2026,;:-\u2014" or text[end:end + 1] in (".", "!", "?", "\u2026")
    return (not before or before[-1] in _BEFORE_THOUGHT) and (ends or tagged)


def _inner_voice(text: str, end: int, inner_start: int, inner_end: int, tagged: bool) -> bool:
    """Italics that read as someone's inner voice: a thought tag after them, "I" or "you", the
    present tense, a question or an exclamation, or a short sentence of three words or more set
    in italics whole ("*She actually said yes.*")."""
    inner = text[inner_start:inner_end].rstrip()
    whole = inner[-1:] in (".", "!", "?", "\u2026") and 3 <= len(inner.split()) <= _ALONE_WORDS
    return tagged or bool(_INNER_VOICE.search(inner)) or inner[-1:] in ("!", "?") \
        or text[end:end + 1] in ("!", "?") or whole


def _set_apart_kind(text: str, found: _Found) -> QuoteKind:
    """A thought set apart, unless its tag says it is written ("*Where are you?* she texted") or said aloud,
    or the sentence before it brings something written ("She found the note in her book.
    *Library. Midnight.*", "The message said:")."""
    after = re.split(r"\n\n|[.!?]\s", text[found.end:found.end + _CUE_WINDOW], maxsplit=1)[0]
    cue = next((m.lastgroup for m in _CUE.finditer(after)), None)
    reach = max(found.unit, found.start - _CUE_WINDOW * 2)
    before = re.split(r"\n|(?<=[.!?])\s", text[reach:found.start].rstrip())
    if cue is None and _WRITTEN_BEFORE.search(before[-1]):
        return "written"
    return cue if cue in ("written", "speech") else "thought"  # type: ignore[return-value]


def _chat_messages(text: str, start: int, end: int) -> list[_Found]:
    """The lines of a chat or a script, "Name: message", two or more in a row with some name twice
    or every name a first name ("Kurt: hey / Blaine: hi"): a conversation; not "Rating: T /
    Pairing: Kurt/Blaine", nor a lone "Note: ...". Once a name sends in such a run, its lines
    elsewhere are messages too, one alone or beside another sender's ("Bex: ITS CALLED A ROUX")."""
    runs: list[list[re.Match[str]]] = []
    for line in _CHAT_LINE.finditer(text, start, end):
        if line.group("name").lower() in _LABELS:
            continue
        if runs and not text[runs[-1][-1].end():line.start()].strip():
            runs[-1].append(line)
        else:
            runs.append([line])
    found = []
    chats = [run for run in runs if len(run) > 1 and (
        max(Counter(line.group("name") for line in run).values()) > 1
        or all(line.group("name").split()[0] in first_names() for line in run))]
    senders = {line.group("name") for run in chats for line in run}
    chosen = {id(run) for run in chats}
    for run in runs:
        if id(run) not in chosen and not all(line.group("name") in senders for line in run):
            continue
        spoken = all(_SCRIPT_SPEECH.fullmatch(line.group("message")) for line in run)
        for line in run:
            first, last = line.span("message")
            inner = (first + 1, last - 1) if spoken else (first, last)
            found.append(_Found(start=first, end=last, text_start=inner[0], text_end=inner[1],
                                unit=line.start(), sender=line.span("name"), spoken=spoken))
    return found


# a script's lines, each in quotation marks ('Odile: "It's two in the morning."'), are spoken, not typed
_SCRIPT_SPEECH = re.compile(r"[\"\u201c][^\"\u201c\u201d]+[\"\u201d]")


def _dash_openers(text: str) -> int:
    """How many lines open with a dialogue dash, or a colon introduces one ("said: —Hello.")."""
    return sum(1 for _ in _DASH_OPENER.finditer(text))


def _dash_quotes(text: str, units: list[tuple[int, int]]) -> list[_Found]:
    """Dialogue told with dashes, not marks: a paragraph (or a colon) opens speech with a dash and
    it runs to the paragraph's end but for its tags. A tag either follows a dash after the speech's
    punctuation ("— Hello, — said Ivan. — Come in."; the speech goes on after the next such dash)
    or, with no dash, is a subject and a speech verb after it ("—Thanks, old chap, he said
    brightly. Switch off the light."; the speech goes on after the tag's sentence), as Joyce
    writes."""
    found: list[_Found] = []
    for u_start, u_end in units:
        opener = next((m for m in _DASH_OPENER.finditer(text, u_start, u_end)
                       if text[m.start()] == ":" or not text[u_start:m.start()].strip()), None)
        if opener is None:
            continue
        pos, start, previous = opener.end(), opener.start(1), None
        colons = list(_COLON_DASH.finditer(text, u_start, u_end))
        colon_starts = [m.start() for m in colons]
        while (first := _NON_SPACE.search(text, pos, u_end)) is not None:
            speech_start = first.start()
            boundary = _SPEECH_ENDS.search(text, speech_start, u_end)
            speech_end = boundary.start(1) + 1 if boundary else _before_lead_in(text, speech_start, u_end)
            if speech_end > speech_start:  # a closing dash is the speech's closing mark
                end = boundary.end("dash") if boundary and boundary.group("dash") else speech_end
                part = _Found(start=start, end=end, text_start=speech_start, text_end=speech_end,
                              unit=u_start, continues=previous)
                found.append(part)
                previous = part
            if boundary is None:
                break
            closing = _DASH_RESUMES.search(text, boundary.end(), u_end) if boundary.group("dash") \
                else _speech_after_tag(text, boundary.end(), u_end, colons, colon_starts)
            if closing is None:
                break
            start, pos = closing.start(1) if closing.lastindex else closing.end(), closing.end()
    return found


def _speech_after_tag(text: str, pos: int, end: int, colons: list[re.Match[str]],
                      colon_starts: list[int]) -> re.Match[str] | None:
    """Where a dashed speech goes on after a tag with no dash: at the next sentence, unless narration
    opens it ("—Scutter! he cried. He came over to the gunrest."), else at the next of the
    paragraph's ``colons`` with a dash."""
    sentence = _SENTENCE_GAP.search(text, pos, end)
    following = bisect_right(colon_starts, pos - 1)
    colon = colons[following] if following < len(colons) else None
    if sentence and (colon is None or sentence.start() < colon.start()) \
            and not _NARRATION_OPENS.match(text, sentence.end()):
        return sentence
    return colon


def _before_lead_in(text: str, start: int, end: int) -> int:
    """Where a dashed speech running to its paragraph's end stops: before a last sentence that
    ends in a colon and holds a tag ("Then Nasty Roche had said:"), the lead-in of the next one."""
    end = _trim_end(text, end)
    if text[end - 1:end] != ":":
        return end
    last = max((m.end() for m in _SENTENCE_GAP.finditer(text, start, end)), default=start)
    return _trim_end(text, last) if _DASH_TAG.search(text, last, end) else end


def _outside(found: list[_Found], spans: list[_Found]) -> list[_Found]:
    """The quotes of ``found`` that overlap none of ``spans`` (in text order): a sign's "Closed"."""
    starts = [span.start for span in spans]
    kept = []
    for quote in found:
        i = bisect_right(starts, quote.start) - 1  # the last span that starts at or before it
        after = i + 1 < len(spans) and spans[i + 1].start < quote.end
        if not (i >= 0 and spans[i].end > quote.start or after):
            kept.append(quote)
    return kept


def _is_hard_wrapped(text: str) -> bool:
    """True when paragraphs are blank-line blocks of lines wrapped at a fixed width (Gutenberg)."""
    lines = text[:200_000].split("\n")
    if len(lines) < 3:
        return False
    filled = [bool(line.strip()) for line in lines]
    wrapped = [len(lines[i].rstrip()) for i in range(len(lines) - 1) if filled[i] and filled[i + 1]]
    near_width = sum(1 for n in wrapped if _WRAP_MIN <= n <= _WRAP_MAX)
    return not all(filled) and len(wrapped) >= 0.2 * len(lines) and near_width >= 0.8 * len(wrapped)


def _units(text: str, start: int, end: int, wrapped: bool) -> list[tuple[int, int]]:
    """The paragraphs quotes may not cross: blank-line blocks, or lines when not hard-wrapped."""
    units: list[tuple[int, int]] = []
    pos = start
    while pos < end:
        newline = text.find("\n", pos, end)
        line_end = end if newline < 0 else newline
        if _NON_SPACE.search(text, pos, line_end):
            if wrapped and units and units[-1][1] == pos - 1:
                units[-1] = (units[-1][0], line_end)  # the next line of the same block
            else:
                units.append((pos, line_end))
        pos = line_end + 1
    return units


def _double_role(text: str, pos: int) -> str:
    ch = text[pos]
    if ch in "\u201c\u201e\u00ab":
        return "open"
    if ch in "\u201d\u00bb":
        return "close"
    before = text[pos - 1] if pos > 0 else "\n"
    after = text[pos + 1] if pos + 1 < len(text) else "\n"
    if after.isspace():
        return "close"
    if before in _OPEN_BEFORE:
        return "open"
    if after in _CLOSE_AFTER:
        return "close"
    return "either"


def _single_role(text: str, pos: int) -> str:
    """open, close, either, or "" for an apostrophe (a letter on both sides, an elision)."""
    before = text[pos - 1] if pos > 0 else "\n"
    after = text[pos + 1] if pos + 1 < len(text) else "\n"
    if before.isalnum() and after.isalnum():
        return ""
    if (before.isspace() or before in _OPEN_BEFORE) and not after.isspace():
        if _ELISION.match(text, pos + 1):
            return ""
        return "open" if text[pos] != "\u2019" or not before.isalnum() else ""
    if not before.isspace() and (after.isspace() or after in _CLOSE_AFTER):
        return "close"
    return ""


def _marks(text: str, start: int, end: int, single: bool) -> list[_Mark]:
    """The dialogue marks of one paragraph, apostrophes dropped."""
    if not single:
        return [_Mark(m.start(), _double_role(text, m.start()))
                for m in _DOUBLE_MARKS.finditer(text, start, end)]
    marks = [_Mark(m.start(), role) for m in _SINGLE_MARKS.finditer(text, start, end)
             if (role := _single_role(text, m.start()))]
    return [mark for i, mark in enumerate(marks)
            if mark.role != "close" or not _looks_possessive(text, mark.pos, marks, i + 1)]


def _looks_possessive(text: str, pos: int, marks: list[_Mark], following: int) -> bool:
    """A mark after a letter, before a lowercase word, whose next mark (``marks[following]``)
    closes too: an apostrophe (the boys' coats)."""
    if not (text[pos - 1].isalpha() and re.match(r" [a-z]", text[pos + 1 : pos + 3])):
        return False
    if _SPEECH.match(text, pos + 2):
        return False
    return following < len(marks) and marks[following].role == "close"


def _pair_marks(text: str, units: list[tuple[int, int]], single: bool, wrapped: bool) -> list[_Found]:
    """Pair opening and closing marks paragraph by paragraph (see the module docstring)."""
    found: list[_Found] = []
    unit_marks = [_marks(text, a, b, single) for a, b in units]
    open_at: int | None = None  # where the open quote starts (its opening mark, if it has one)
    open_unit = 0
    marked = True  # whether the open quote starts with a mark (not when carried into a paragraph)
    pending: _Found | None = None  # the part a next paragraph's opening quote continues

    def close(end: int, closed: bool) -> None:
        nonlocal open_at, pending
        assert open_at is not None
        found.append(_Found(start=open_at, end=end, text_start=open_at + marked,
                            text_end=end - 1 if closed else end, unit=open_unit, continues=pending))
        open_at, pending = None, None

    for u, (u_start, u_end) in enumerate(units):
        marks = unit_marks[u]
        skip = 0
        for k, mark in enumerate(marks):
            if skip:
                skip -= 1
                continue
            if open_at is None:
                if mark.role != "close" or _next_is_word(text, mark.pos) or _isolated(text, mark.pos):
                    open_at, open_unit, marked = mark.pos, u_start, True
                    if pending is not None and text[u_start:mark.pos].strip():
                        pending = None
            elif mark.role == "open" and _next_is_word(text, mark.pos) and text[mark.pos - 1].isspace():
                if _nested_pair(marks, k):
                    skip = 1  # a quote inside the quote, in the same marks: it stays inside
                    continue
                close(_trim_end(text, mark.pos), closed=False)
                open_at, open_unit, marked = mark.pos, u_start, True
            else:
                close(mark.pos + 1, closed=True)
        if open_at is None:
            pending = None
            continue
        next_marks = unit_marks[u + 1] if u + 1 < len(units) else []
        opens_next = bool(next_marks) and not text[units[u + 1][0]:next_marks[0].pos].strip()
        closes_next = bool(next_marks) and next_marks[0].role == "close" and not opens_next
        if not wrapped and closes_next and text.count("\n", u_end, units[u + 1][0]) == 1:
            continue  # a quote running on after a line break
        close(_trim_end(text, u_end), closed=False)
        if opens_next and next_marks[0].role != "close":
            pending = found[-1]  # multi-paragraph speech: the next paragraph reopens it
        elif closes_next:
            open_at, open_unit, marked, pending = units[u + 1][0], units[u + 1][0], False, found[-1]
    return found


def _nested_pair(marks: list[_Mark], k: int) -> bool:
    """Marks k, k+1 enclose a quote within the open one when a closer still follows them."""
    return k + 2 < len(marks) and marks[k + 1].role != "open" and marks[k + 2].role == "close"


def _next_is_word(text: str, pos: int) -> bool:
    return pos + 1 < len(text) and text[pos + 1].isalnum()


def _isolated(text: str, pos: int) -> bool:
    """A mark with space on both sides (an opener whose first letter was lost: " Tis)."""
    return (pos == 0 or text[pos - 1].isspace()) and pos + 2 < len(text) and text[pos + 1] == " " \
        and text[pos + 2].isalnum()


def _trim_end(text: str, end: int) -> int:
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def _inside_notes(found: _Found, note_spans: list[tuple[int, int]]) -> bool:
    return any(start <= found.start < end for start, end in note_spans)


def _link_tagged_parts(text: str, found: list[_Found], kinds: list[QuoteKind]) -> None:
    """Link "No," he said, "not yet.": same paragraph, a tag of at most one sentence between.

    When the first part ends a sentence ("Stop!" she said. "Now.") only a bare tag
    links them, since a longer gap usually hands the turn to someone else.
    """
    for i in range(1, len(found)):
        previous, current = found[i - 1], found[i]
        if current.continues is not None or current.unit != previous.unit or "mention" in kinds[i - 1:i + 1] \
                or current.set_apart != previous.set_apart:
            continue
        gap = text[previous.end:current.start]
        if not gap.strip() or len(gap) > _TAG_GAP or "\n\n" in gap or _SENTENCE_END.search(gap.strip()[:-1]):
            continue
        if "written" in kinds[i - 1:i + 1] and kinds[i - 1] != kinds[i] and not _CUE.search(gap):
            continue  # a sticker's "OPEN LATE", then a line: no tag between, no one quotation
        ended = text[previous.text_start:previous.text_end].rstrip()[-1:] in ("!", "?", ".")
        if len({(m.group(1) or m.group(2)).lower() for m in _TAG_SUBJECT.finditer(gap)}) > 1:
            continue  # '"He did," Sunny said, at the moment Dele said, "She did."': two speakers
        if not ended or len(gap) <= _BARE_TAG:
            current.continues = previous


def _quote_id(index: int | None) -> str | None:
    return None if index is None else f"q{index + 1}"


def _paragraph_index(paragraph_starts: list[int], start: int) -> int | None:
    return bisect_right(paragraph_starts, start) - 1 if paragraph_starts else None


def _is_indented(text: str, start: int) -> bool:
    """The quote opens an indented line (how plain-text books set letters and notes apart)."""
    line_start = start
    while line_start > 0 and text[line_start - 1] in " \t":
        line_start -= 1
    return start - line_start >= 2 and (line_start == 0 or text[line_start - 1] == "\n")


_TAG_AFTER_FULL_STOP = 25  # after a quote that ends its sentence, a tag comes at once ("." he said)


def _kind(text: str, found: _Found, next_start: int) -> QuoteKind:
    """speech, thought, written or mention, from the nearest tag verb after (else before) the quote
    (after it up to the next quote, ``next_start``)."""
    before_tag = text[max(0, found.start - _CUE_WINDOW):found.start].rsplit("\n\n", 1)[-1]
    after_tag = re.split(r"\n\n|[\"\u201c\u00ab]", text[found.end:min(found.end + _CUE_WINDOW, next_start)],
                         maxsplit=1)[0]
    near_after = re.split(r"(?<=[.!?])\s", after_tag, maxsplit=1)[0]
    near_before = re.split(r"[.!?]\s", before_tag)[-1]
    inner = text[found.text_start:found.text_end]
    cue_after = next((m.lastgroup for m in _CUE.finditer(near_after)
                      if not inner.rstrip().endswith(".") or m.start() < _TAG_AFTER_FULL_STOP), None)
    if _WORDS_WRITTEN.search(near_before):
        return "written"
    if (_MENTION_CUE.search(near_before) and inner.rstrip()[-1:] not in ("!", "?")) or (
            cue_after is None and _is_named_phrase(inner, near_before)):
        return "mention"
    medium = _WRITING_MEDIUM.search(near_before)
    if cue_after is None and medium and all(m.group(0).lower() in ("added", "adding")
                                            for m in _SPEECH.finditer(near_before, medium.end())):
        return "written"  # not 'wrote the date in red marker and said, "There."'
    cues_before = [m.lastgroup for m in _CUE.finditer(near_before)]
    kind = cue_after or (cues_before[-1] if cues_before else None)
    if kind is None and _THOUGHT_TAG_BEFORE.search(before_tag[-30:]):
        kind = "thought"
    if kind in ("speech", "thought", "written"):
        return kind  # type: ignore[return-value]
    if _SHOWN.search(near_before) and inner.upper() == inner and re.search(r"[A-Z]{2}", inner):
        return "written"  # "the banner ticked down to "COLLISION PROBABILITY: 64%"": shown, not said
    if near_before.rstrip().endswith(":"):  # "...a notification slid down. It was from Mom: "...""
        lead = re.split(r"(?<=[.!?])\s", text[max(found.unit, found.start - _LEAD_REACH):found.start])[-2:]
        if any(_WRITTEN_THING.search(s) or any(m.lastgroup == "written" for m in _CUE.finditer(s))
               for s in lead):
            return "written"
    return "mention" if _is_bare_phrase(inner, near_before) else "speech"


def _is_short_phrase(inner: str, words: int) -> bool:
    return 0 < len(inner.split()) <= words and not _SENTENCE_PUNCT.search(inner) and inner.strip() == inner


def _is_named_phrase(inner: str, near_before: str) -> bool:
    """A short phrase right after a determiner: his "good night", the "expert"."""
    return _is_short_phrase(inner, 6) and bool(_DETERMINER.search(near_before))


def _is_bare_phrase(inner: str, near_before: str) -> bool:
    """A short, unpunctuated phrase inside a sentence with no tag verb and no quote before it
    ("Very well," she smiled, "very well" is speech): a title or scare quotes."""
    preceding = near_before.rstrip()
    return _is_short_phrase(inner, 4) and bool(preceding) and not _TAG_SPLIT.search(preceding) and (
        preceding[-1].isalpha() and preceding[-1].islower() or preceding[-1] in ",(")
