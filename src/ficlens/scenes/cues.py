"""The word patterns that signal a scene's place, time, ending and point of view.

Each pattern is a compiled regular expression run once over the story (linear
time). They are deliberately lexical: a scene break in prose is announced by a
few stock phrases ("the next morning", "in the kitchen", "he walked out"), and
a limited point of view by verbs of thinking and perceiving attached to one
person ("Kurt knew", "she wondered").
"""

from __future__ import annotations

import re

_NUMBER = r"(?:a\s+few|a\s+couple\s+of|several|some|many|two|three|four|five|six|seven|eight|nine|ten|\d+)"
_UNIT = r"(?:minutes|hours|days|weeks|months|years)"
_DAYPART = r"(?:morning|afternoon|evening|night|day|week|weekend|month|year|summer|winter|spring|autumn|fall)"
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"

# TIME_SHIFT, TIME_HINT and EXIT are matched against the lower-cased text (``lowered``):
# the same offsets, and much faster than re.IGNORECASE.
# A time cue that moves the story on: strong enough to open a new scene by itself.
TIME_SHIFT = re.compile(
    r"\b(?:"
    rf"(?:the\s+)?next\s+{_DAYPART}"
    rf"|the\s+following\s+{_DAYPART}"
    rf"|later\s+(?:that|this|in\s+the)\s+{_DAYPART}"
    rf"|{_NUMBER}\s+{_UNIT}\s+later"
    r"|(?:an?|one)\s+(?:hour|day|week|month|year)\s+later"
    rf"|{_UNIT}\s+(?:later|passed|went\s+by)"
    r"|(?:a|one|another|the)\s+(?:day|week|fortnight|month|year)\s+(?:passed|went\s+by|wore\s+on)"
    rf"|after\s+(?:{_NUMBER}\s+{_UNIT}|(?:a|an|one)\s+(?:hour|day|week|fortnight|month|year))"
    r"|the\s+(?:first|second|third|last)\s+(?:week|day|month|morning|evening|night)\s+(?:in|of|after|since)"
    rf"|the\s+{_DAYPART}\s+after"
    r"|meanwhile|in\s+the\s+meantime"
    rf"|(?:on|by|that|next|come)\s+{_WEEKDAY}"
    r"|when\s+\w+\s+(?:got|arrived|came|returned|made\s+it)\s+(?:home|back)"
    r"|by\s+the\s+time"
    r"|(?:early|late)\s+(?:the\s+next\s+|that\s+|in\s+the\s+)?(?:morning|afternoon|evening|night)"
    r"|(?:at\s+)?(?:dawn|dusk|midnight|noon|sunrise|sunset|daybreak|nightfall)"
    r")\b",
)
# A weaker time cue: a part of the day, waking up, "later", "after school".
TIME_HINT = re.compile(
    r"\b(?:"
    r"(?:that|this|one|in\s+the|every)\s+(?:morning|afternoon|evening|night)|tonight|tomorrow|yesterday"
    r"|later|afterwards?"
    r"|wake|woke|awoke|woken|waking|wakes|slept|breakfast|lunch|dinner|supper"
    r"|after\s+(?:school|work|class|practice|rehearsal|dinner|lunch|breakfast)"
    r")\b",
)

_PLACE_NOUN = (
    r"(?:kitchen|bedroom|living\s+room|sitting\s+room|drawing[\s-]room|dining[\s-]room|bathroom|hallway|hall"
    r"|corridor|room|apartment|flat|house|home|cottage|cabin|office|classroom|choir\s+room|auditorium"
    r"|library|school|cafeteria|canteen|garden|yard|park|street|road|lane|alley|car|bus|train|station"
    r"|airport|plane|bar|pub|club|caf[eé]|coffee\s+shop|restaurant|diner|shop|store|mall|hospital"
    r"|church|chapel|beach|shore|forest|woods|field|meadow|lake|river|castle|tower|village|town|city"
    r"|palace|inn|tavern|stables?|barn|cellar|attic|basement|rooftop|roof|balcony|porch|garage|gym"
    r"|locker\s+room|studio|theat(?:re|er)|hotel|lobby|lift|elevator|staircase|stairs|common\s+room"
    r"|dormitory|dorm|tent|camp|ship|deck|harbou?r|parlou?r|study|chamber|courtyard|square|market"
    r"|bridge|hill|mountain|cave|dressing\s+room|lounge|waiting\s+room)"
)
_DETERMINER = r"(?:the|a|an|his|her|their|my|our|your|its|this|that|[A-Z][a-z]+(?:'s|’s))"
PLACE_PREPOSITION = (
    r"(?:in|at|into|inside|outside|to|towards?|from|across|through|onto|on|near|behind|around|over|under"
    r"|along|beside|by|against|(?<!out\s)of)"
)
# "in the kitchen", "to his apartment", "at Rachel's house", "at home".
PLACE_PHRASE = re.compile(
    rf"\b{PLACE_PREPOSITION}\s+{_DETERMINER}\s+(?:[a-z]+\s+){{0,2}}?(?P<noun>{_PLACE_NOUN})\b"
    r"|\b(?:at|got|went|came|back|arrived)\s+(?P<home>home)\b"
)
# Somebody entering a place: "pushed open the door to her flat", "walked into the kitchen".
ENTRY = re.compile(
    rf"\b(?:(?:door|doorway|gate|threshold)\s+(?:to|of)\s+{_DETERMINER}\s+(?:[a-z]+\s+){{0,2}}?{_PLACE_NOUN}"
    rf"|(?:arrived|entered|walked|stepped|burst|hurried|got|came)\s+(?:back\s+)?(?:into|in\s+to|at)\s+{_DETERMINER}"
    rf"\s+(?:[a-z]+\s+){{0,2}}?{_PLACE_NOUN}"
    r"|(?:got|came|arrived)\s+(?:back\s+)?home)\b"
)
# A paragraph that opens on a place: "The station at Inverness was colder than ..."
PLACE_OPENING = re.compile(rf"(?:The|A|An)\s+(?:[a-z]+\s+){{0,2}}?(?P<noun>{_PLACE_NOUN})\b")
# "in Callbacks", "at Pemberley", "in New York": a proper name after a preposition of place.
PLACE_NAME = re.compile(r"\b(?:in|at|to|from|into)\s+(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})\b")
NOT_PLACE_NAMES = frozenset(
    "I The A An His Her Their My Our Your Its This That There Then It He She They We You What Which Who "
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday God Christmas English French Spanish "
    "Mr Mrs Miss Ms Dr Lord Lady Sir Oh Yes No".split()
)

# The end of a scene: somebody leaves, sleeps, hangs up, or the door closes.
EXIT = re.compile(
    r"\b(?:(?<!the\s)(?<!his\s)(?<!her\s)left(?!\s+(?:hand|side|arm|leg|eye|foot|behind|alone|over))"
    r"|leaving|walked\s+(?:out|away|off|home)|headed\s+(?:out|off|home|back|for)"
    r"|retired|withdrew|took\s+(?:his|her|their)\s+leave|went\s+away|hurried\s+(?:\w+\s+)?(?:away|off)"
    r"|to\s+(?:his|her|their)\s+(?:room|rooms|bed)"
    r"|out\s+(?:the|of\s+the)\s+(?:door|room|house|apartment)|drove\s+(?:off|away|home)"
    r"|went\s+(?:home|to\s+bed|to\s+sleep|upstairs|downstairs|inside|out|back)"
    r"|fell\s+asleep|drifted\s+off|(?:closed|shut|slammed)\s+the\s+door|closing\s+it|hung\s+up"
    r"|to\s+follow|followed|disappeared|vanished|walked\s+away|stormed\s+(?:out|off)|cried|sobbed"
    r"|goodbye|good\s*night|dragging|ran\s+off|turned\s+away)\b",
)

# Verbs of thinking, feeling and perceiving, optionally after an auxiliary or adverb.
_ADVERB = (
    r"(?:\w+ly|could|couldn't|couldn’t|can't|did|didn't|didn’t|had|was|just|still|only|also|never|even"
    r"|already|suddenly)"
)
_PERCEPTION = (
    r"(?:knew|know|thought|think|wondered|wonder|felt|feel|realized|realised|realize|realise|noticed|notice"
    r"|saw|see|watched|heard|hear|sensed|remembered|remember|hoped|wished|feared|worried|decided|understood"
    r"|understand|believed|suspected|imagined|recognized|recognised|mentally|inwardly|internally|silently"
    r"|privately|help|contain|bear|believe|stand|missed|longed|ached|dreaded|regretted|was\s+(?:worried|afraid|scared|sure|certain|glad|relieved"
    r"|exhausted|tired|nervous|confused|furious|happy|sad|angry|surprised|unsure))"
)
# Matched right after a name or pronoun: " mentally rolled", " knew", " couldn't help".
PERCEPTION_AFTER = re.compile(rf"(?:’s|'s)?\s+(?:{_ADVERB}\s+){{0,2}}?(?P<verb>{_PERCEPTION})\b")
# "his heart", "her stomach": an inner state owned by a pronoun or a name.
INNER_AFTER = re.compile(r"(?:’s|'s)\s+(?P<verb>heart|stomach|mind|thoughts|chest|pulse)\b")
SUBJECT_PRONOUN = re.compile(r"\b(?P<pronoun>[Hh]e|[Ss]he)\b")
OWNER_PRONOUN = re.compile(
    r"\b(?P<pronoun>[Hh]is|[Hh]er)\s+(?P<verb>heart|stomach|mind|thoughts|chest|pulse)\b"
)

FIRST_PERSON = re.compile(r"\b(?:I|me|my|mine|myself|I'm|I’m|I'd|I’d|I'll|I’ll|I've|I’ve)\b")
SECOND_PERSON = re.compile(r"\b(?:[Yy]ou|[Yy]our|[Yy]ours|[Yy]ourself|[Yy]ou're|[Yy]ou’re)\b")
# A paragraph opening on a pronoun or a connective continues what came before.
CONTINUATION = re.compile(
    r"(?:[\"“'‘]?\s*)(?:he|she|they|his|her|their|its|him|them|but|and|so|still|yet|instead|then)\b",
    re.IGNORECASE,
)


def lowered(text: str) -> str:
    """``text`` in lower case, every offset kept (a character whose lower case is longer stays as is)."""
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
