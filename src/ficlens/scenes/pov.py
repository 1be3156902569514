"""Point of view of one scene: first, second, third-person limited, omniscient or unclear.

Narration (quotations masked) full of "I/me/my" is first person, told by the
narrator character when the characters stage found one; full of "you/your" with
few "I" is second person. Otherwise the thought and perception verbs tie the
scene to people ("Mei mentally counted to ten", "she wondered" with *she*
resolved to the current subject): one person holding most of them makes the
scene third-person limited from their view; two or more sharing them, omniscient.
A heading ("Kurt's POV") overrides the vote and is resolved to a character id.

A POV slip (head-hopping) is a thought or feeling ("knew", "wondered", "felt";
not "saw", which an onlooker could report) given to someone other than the POV
character in a third-person limited scene. Only cues that cannot be a pronoun
mix-up are flagged: the other person is named, or their pronoun's gender
differs from the POV character's.
"""

from __future__ import annotations

from ..model import Character, Scene, Span
from .reading import ParagraphFacts, ranked, summed

FIRST_PERSON_RATE = 0.03  # first-person pronouns per narrative word for a first-person scene
SECOND_PERSON_RATE = 0.03
MIN_PERSON_PRONOUNS = 3
LIMITED_SHARE = 0.6
OMNISCIENT_SHARE = 0.25
MIN_VOTES = 1.5
EVIDENCE_SPANS = 6


def set_pov(scene: Scene, facts: list[ParagraphFacts], characters: dict[str, Character]) -> None:
    """Fill ``scene.pov``, ``pov_kind``, ``pov_confidence``, ``pov_evidence`` and ``pov_slips``."""
    narrative = max(1, sum(p.narrative_words for p in facts))
    first = sum(p.first_person for p in facts)
    second = sum(p.second_person for p in facts)
    votes = summed(p.pov_votes for p in facts)
    narrator = next((c.id for c in characters.values() if c.narrator), None)
    stated = _resolve_name(scene.pov_name, characters) if scene.pov_name else None
    first_person = first >= MIN_PERSON_PRONOUNS and first / narrative >= FIRST_PERSON_RATE
    if stated or scene.pov_stated:
        scene.pov = stated
        scene.pov_kind = "first" if first_person else "third_limited"
        scene.pov_confidence = 1.0 if stated else 0.5
        scene.pov_stated = True
    elif first_person and first >= second:
        scene.pov, scene.pov_kind = narrator, "first"
        scene.pov_confidence = round(min(1.0, first / narrative / (2 * FIRST_PERSON_RATE)), 3)
    elif second >= MIN_PERSON_PRONOUNS and second / narrative >= SECOND_PERSON_RATE:
        scene.pov, scene.pov_kind = None, "second"
        scene.pov_confidence = round(min(1.0, second / narrative / (2 * SECOND_PERSON_RATE)), 3)
    else:
        _vote_third_person(scene, votes)
    if scene.pov_name is None and scene.pov in characters:
        scene.pov_name = characters[scene.pov].name
    scene.pov_evidence = _evidence(scene, facts)[:EVIDENCE_SPANS]
    if scene.pov and scene.pov_kind == "third_limited":
        scene.pov_slips = _slips(scene.pov, facts, characters)


def _evidence(scene: Scene, facts: list[ParagraphFacts]) -> list[Span]:
    """The narration's "I"/"you" for first/second person; the POV character's thoughts otherwise."""
    if scene.pov_kind in ("first", "second"):
        person = f"{scene.pov_kind} person"
        return [c.span() for p in facts for c in p.person_cues if c.note == person]
    return [c.span() for p in facts for c in p.pov_cues if scene.pov and c.character == scene.pov]


def _vote_third_person(scene: Scene, votes: dict[str, float]) -> None:
    total = sum(votes.values())
    order = ranked(votes)
    if not order or order[0][1] < MIN_VOTES:
        scene.pov, scene.pov_kind, scene.pov_confidence = None, "unclear", 0.0
        return
    leader, top = order[0]
    share = top / total
    if share >= LIMITED_SHARE:
        scene.pov, scene.pov_kind = leader, "third_limited"
        scene.pov_confidence = round(share * min(1.0, top / 4.0), 3)
    elif sum(1 for _, v in order if v / total >= OMNISCIENT_SHARE and v >= MIN_VOTES) >= 2:
        scene.pov, scene.pov_kind = None, "omniscient"
        scene.pov_confidence = round(min(1.0, total / 8.0) * (1 - share), 3)
    else:
        scene.pov, scene.pov_kind = leader, "unclear"
        scene.pov_confidence = round(share * min(1.0, top / 4.0) / 2, 3)


def _resolve_name(name: str, characters: dict[str, Character]) -> str | None:
    """The id of the character a heading names ("Kurt", "Kurt Hummel", "kurt")."""
    wanted = name.strip().lower()
    for character in characters.values():
        forms = [f.lower() for f in (character.name, *character.aliases)]
        if wanted in forms or any(wanted in f.split() or f in wanted.split() for f in forms):
            return character.id
    return None


def _slips(pov: str, facts: list[ParagraphFacts], characters: dict[str, Character]) -> list[Span]:
    pov_gender = characters[pov].gender if pov in characters else "unknown"
    slips = []
    for paragraph in facts:
        for cue in paragraph.pov_cues:
            other = characters.get(cue.character or "")
            if other is None or cue.character == pov or cue.note != "thinks":
                continue
            if cue.named or (other.gender in ("he", "she") and other.gender != pov_gender):
                slips.append(
                    cue.span(f"{other.name} thinks in a scene told from {characters[pov].name}'s view")
                )
    return slips
