"""Characters: who the people of the story are, what they are called, and their pronouns.

``find_characters(world)`` reads ``world.text``, ``world.chapters`` (only the story
proper is searched, never the notes around it) and ``world._cast``; it fills
``world.characters``, ordered by mentions (ids ``c1``, ``c2``, ... in that order).

Without a cast, names are found in four linear passes:

1. *Candidates*: runs of capitalised words ("Mr. Knightley", "Emma Woodhouse"),
   with leading/trailing common words ("Oh", "Poor") trimmed: a word the text
   mostly writes in lower case is not a name.
2. *People*: spaCy NER labels a bounded sample of the candidates' sentences
   (``SAMPLE_CHARS``), and honorifics, first-name lists and speech verbs ("Finn
   groaned") add evidence; places, bands, brands and titles drop out.
3. *Clusters*: full names, honorific forms, first names and surnames are
   grouped (see ``_cluster``); honorific gender and first names keep namesakes
   apart ("Mr. Bennet" / "Mrs. Bennet" / "Jane Bennet"); nicknames join where
   the text links them (Robert "Bobby" Vance).
4. *Mentions and gender*: every alias is matched again over the story (longest
   alias first, case-sensitive, word boundaries) for exact ``mention_spans``;
   pronouns after each mention, honorifics, gendered person words ("his
   brother Finn") and first-name lists vote he / she / they.

A story told mostly in the first person outside dialogue gets a narrator
character, named when the text says "my name is X" / "call me X" / "I'm X";
its ``mention_spans`` also hold the narrator's I/me/my outside dialogue.
With ``world._cast`` those characters are used exactly and only their aliases
are matched.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cache

from .lexicon import (
    EPITHETS,
    HONORIFIC_SUFFIX,
    KIN_AND_ROLE_WORDS,
    OFFICE_TITLES,
    PAST_ACTS,
    PERSON_PARTS,
    PRESENT_ACTS,
    ROLE_NOUNS,
    ROLE_TITLES,
    SPEECH_VERBS,
    TITLE_SPELLINGS,
    first_names,
    formal_names,
    gendered_names,
    person_word_genders,
)
from .model import CastMember, Character, Gender, Scene, Span, StoryWorld
from .quotes import quotation_spans

SAMPLE_CHARS = 60_000  # ~12k tokens of NER: ~1.3 s on one core, whatever the text length,
SAMPLE_SHARE = 0.5  # and at most this share of a short text (keeps a chapter under 4 s per 100k words)
SAMPLES_PER_NAME = 4
LINK_WINDOW = 20_000  # characters from a holder's name within which "the duchess" is that holder
ANSWER_VOTES = 2  # replies to one name called just before that make a description that person
TITLE_HOLDER_LEAD = 5  # "the Major" is the Major named this many times as often as any other
THEY_VOTES = 1.0  # weighted "they"/"their" after a name, with no more than a quarter as much he/she
RARE = 5  # a name form seen fewer times, with any sign of a place, needs a sign of a person
MIN_MENTIONS = 2  # a character is named at least this often,
WORDS_PER_MENTION = 20_000  # and, when only ever named by one bare word, once per this many words
NAME_PRIOR = 2  # pronoun votes a first name on one gender's list is worth
PRONOUN_WINDOW = 250  # characters after a mention searched for the pronoun that follows it
NARRATOR_RATE = 0.012  # first-person pronouns per narrative word that make a narrator
ACTING_NAME = 2  # times a known first name that only opens sentences acts ("Ines opened ...") to be one
ACTING_ANYWHERE = 4  # ...or, written anywhere, and never after a preposition of place ("Wren came.")
PRONOUN_PERSON = 1  # he/she votes after a name NER reads as a thing, which acts, that make it a person
DESCRIBED_TAGS = 2  # speech tags that make "the stranger" a character
CONVERSATION_REACH = 1_500  # characters around a description's tag whose named people it may be
DIALOGUE_SHARE = 0.8  # a pet name found this much inside quotes is what others call someone named in full
SHORT_FORM_DOMINANCE = 10  # ...the one of several it fits who is named this many times as often as the rest
NAMESAKE_SHARE = 0.2  # "Mr. John Knightley" this often among his full names keeps "Mr. Knightley" apart
SURNAME_LEAD = 5  # a bare word is a surname, not a first name, when that surname is named this much more
SHARED_SENTENCES = 0.05  # "Mrs. Pontellier" is Edna Pontellier when at most this share of it names her too
MARRIED_EVIDENCE = 8  # ...and it is named at least this often (too few shared sentences prove nothing)
MARRIED_SHARE = 0.2  # ...and at least this share as often as she is: a mother named now and then is not her
FIXED_PHRASE = 3  # mid-sentence uses that keep a capitalised run with a common word whole

_MALE_TITLES = {"Mr", "Sir", "Ser", "Lord", "Master", "Monsieur", "Herr", "Signor", "Father", "Uncle", "King",
                "Prince", "Duke", "Count", "Baron", "Brother", "Mister", "Mistah", "Messrs"}
_FEMALE_TITLES = {"Mrs", "Miss", "Ms", "Lady", "Madam", "Madame", "Mme", "Mlle", "Mademoiselle", "Aunt",
                  "Queen", "Princess", "Duchess", "Countess", "Baroness", "Dame", "Sister", "Mistress",
                  "Missus", "Signora"}
# every office is a title ("Professor Vane", "Warden Oyelaran"); these others are titles only
_NEUTRAL_TITLES = OFFICE_TITLES | {"Dr", "Prof", "Capt", "Col", "Lt", "Sgt", "Rev", "Reverend", "Mx",
                                   "Officer", "Agent", "Nurse", "Saint", "St", "Pastor", "Bishop", "Rabbi",
                                   "Principal"}
_TITLES = _MALE_TITLES | _FEMALE_TITLES | _NEUTRAL_TITLES
# "Mrs. Maylie" is not "Rose Maylie": a married title joins only a full name written with it.
_MARRIED_TITLES = {"Mrs", "Madame", "Signora"}  # and "Miss Bennet" is not "Mrs. Bennet" either way
# Titles that end an epithet of one person's ("the Dark Lord", "the Red Queen")
_EPITHET_TITLES = ROLE_TITLES | {"Lord", "Lady"}
# Titles that go with a first name ("Lady Catherine", "Sir William", "Miss Lizzy").
_FIRST_NAME_TITLES = {"Miss", "Lady", "Sir", "Lord", "Master", "Aunt", "Uncle", "Madame", "Mademoiselle",
                      "Signora", "Dame", "Sister", "Brother", "Father", "Prince", "Princess", "King", "Queen"}
# Capitalised words that are never names on their own, however the text uses them.
_NEVER_NAMES = {
    "Then", "When", "If", "But", "And", "So", "As", "At", "In", "On", "Of", "For", "To", "With", "Not",
    "Now", "There", "Here", "This", "That", "These", "Those", "What", "Why", "How", "Who", "Where", "All",
    "Some", "Yet", "Still", "Even", "Just", "Only", "After", "Before", "Perhaps", "The", "A", "An",
    "I", "He", "She", "His", "Her", "It", "Its", "We", "They", "Their", "You", "Your", "My", "Our", "O",
    "Oh", "Ah", "OK", "Okay", "Yes", "No", "God", "Lord", "Heaven", "Christ", "Jesus", "Mom", "Mum",
    "Dad", "Mama", "Mamma", "Papa", "Ma", "Pa", "Mother", "Father", "Sir", "Madam", "Ma'am", "Chapter",
    "CHAPTER", "Book", "Part", "Volume", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday", "Sunday", "January", "February", "March", "July",
    "September", "October", "November", "December", "Christmas", "Easter", "English", "French",
    "American", "British", "Indian", "Mrs", "Mr", "Miss", "Hey", "Hi", "Hello", "Well", "Thank", "Thanks",
    "Please", "Sorry", "Dear", "Darling", "Honey", "Baby", "Babe", "Love", "Majesty", "Highness",
    "Lordship", "Ladyship", "Honour", "Honor", "Excellency", "Jove", "Gawd", "Lawd", "Providence", "Fate",
    "One", "Somebody", "Someone", "Nobody", "Everybody", "Everyone", "Anybody", "Anyone", "Something",
    "Nothing", "Everything", "Anything", "None", "Neither", "Either", "Each", "Both", "Others", "Another",
    "Fortune", "Nature", "Italian", "Spanish", "German", "Irish", "Scottish", "Scotch", "Welsh",
    "Russian", "Chinese", "Japanese", "Greek", "Roman", "Dutch", "Swiss", "Austrian", "European",
    "African", "Canadian", "Australian", "Mexican", "Egyptian", "Turkish", "Persian", "Arab", "Jewish",
    "Hindu", "Moslem", "Muslim", "Mohammedan", "Catholic", "Protestant", "Englishman", "Englishwoman",
}
# A name ending in one of these ("Fenwick Hall", "Wuthering Heights") names a place or an
# institution; after a title ("Mrs. Hall") it is a surname.
_PLACE_WORDS = {
    "Street", "St", "Road", "Lane", "Avenue", "Park", "Hall", "House", "Abbey", "Court", "Castle", "Church",
    "Chapel", "College", "School", "University", "Academy", "Hotel", "Inn", "Square", "Island", "River",
    "Lake", "Mountain", "Hill", "Bridge", "Company", "Club", "Bank", "Hospital", "Station", "Theatre",
    "Theater", "Cafe", "Café", "Bar", "Restaurant", "Manor", "Place", "Gardens", "City", "County", "Valley",
    "Records", "High", "Building", "Lodge", "Cottage", "Farm", "Grange", "Rectory", "Parsonage", "Villa",
    "Tower", "Palace", "Centre", "Center", "Mall", "Office", "Department", "Grove", "Heights", "Landing",
    "Springs", "Falls", "Creek", "Bay", "Harbour", "Harbor", "Mews", "Terrace", "Crescent",
}
_NOT_PERSON_LABELS = {"GPE", "LOC", "FAC", "ORG", "NORP", "WORK_OF_ART", "PRODUCT", "EVENT", "LANGUAGE",
                      "LAW", "DATE", "TIME"}
_PERSON_NOUNS = {
    *KIN_AND_ROLE_WORDS,
    "friend",
    "cousin",
    "partner",
    "roommate",
    "boss",
    "child",
    "baby",
    "parent",
    "sibling",
    "classmate",
    "teammate",
    "colleague",
    "neighbour",
    "neighbor",
    "fiance",
}

_LETTERS = r"(?:[^\W_]|[\u0300-\u036f])"  # letters and digits, accents as combining marks too
# The second syllables of Korean and Chinese given names written with a hyphen ("Min-ho", "Ji-sung",
# "Mei-ling"); not the honorifics "-chan", "-san", "-nim", "-ssi", "-hyung".
_GIVEN_SYLLABLES = (
    "ho|sung|seong|jin|min|woo|hyun|hyeon|jun|joon|soo|su|young|yeong|yeon|bin|jae|seok|suk|hoon|won|hee|eun|"
    "ji|na|ra|yoon|yun|kyung|gyeong|chul|cheol|sik|jung|jeong|hwa|mi|seo|gyu|kyu|kook|guk|tae|wan|han|hyuk|"
    "hyeok|jong|bum|beom|hae|ri|rim|ha|sol|bom|yeol|woong|wook|hwan|dong|sang|seung|hye|rin|ju|joo|yul|geon|"
    "yoo|hong|moon|nam|lin|ling|mei|wei|long|hua|xin|fang|ying|ming|jie|hui|lan|qing|ping|kai|hao"
)
# a capitalised word: "O'Brien", "Jean-Luc", "Min-ho" (but "Kakashi-sensei" is Kakashi's, "Blaine-shaped"
# Blaine's)
_WORD = (rf"[A-Z]{_LETTERS}*(?:['’]{_LETTERS}+)*(?:-[A-Z]{_LETTERS}*(?:['’]{_LETTERS}+)*)*"
         rf"(?:-(?:{_GIVEN_SYLLABLES})(?![\w'’-]))?")
# an abbreviation takes a full stop ("Mr. Knightley"); "my Lord. Dumbledore kept me" is two sentences
_ABBREVIATED_TITLES = {"Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Capt", "Col", "Lt", "Sgt", "Rev", "St", "Mme",
                       "Mlle", "Messrs"}
_TITLE_TOKEN = r"(?:{}|(?:{})\.)".format("|".join(sorted(_TITLES, key=len, reverse=True)),
                                         "|".join(sorted(_ABBREVIATED_TITLES, key=len, reverse=True)))
_GAP = r"(?:[ \t]+\n?[ \t]*|[ \t]*\n[ \t]*)"
_PARTICLES = {"de", "van", "von", "der", "den", "da", "di", "du", "del", "della", "le", "la", "ter", "ten"}
_PARTICLE = r"(?:{})".format("|".join(sorted(_PARTICLES)))  # "Lady Catherine de Bourgh"
# Titles that name their one holder alone: "the General", "Mademoiselle" (when only one cast member has them).
_LONE_TITLES = (ROLE_TITLES | {"Mademoiselle", "Madame", "Monsieur", "Signor", "Signora", "Herr"}) - {"Dr"}
# role titles the text may write in lower case for their holder ("the general"; "the coach" is a carriage)
_RANKS = ROLE_TITLES - {"Coach", "Count", "Major", "Governor"}
_ABBREVIATED = {"Mr", "Mrs", "Ms", "Mx", "Dr", "Rev", "St", "Mme", "Mlle"}  # written with or without "."
# Descriptions too common to give one cast member all their mentions ("the girl").
_GENERIC_PEOPLE = {"man", "woman", "girl", "boy", "lady", "gentleman", "child", "person", "lad", "youth",
                   "fellow", "young man", "young lady", "young woman", "young gentleman", "old man",
                   "old woman", "old lady", "old gentleman", "other"}
_PERSON_NOUN_AFTER = re.compile(r"(?:[ \t]*\n?[ \t]*[a-z]+)?[ \t]*\n?[ \t]*(?:{})\b".format(
    "|".join(w for w in _GENERIC_PEOPLE if " " not in w)))
_RUN = re.compile(rf"(?<![\w'’])(?:{_TITLE_TOKEN}{_GAP})*{_WORD}(?:{_GAP}(?:{_PARTICLE}{_GAP})?{_WORD})*")
_TOKEN = re.compile(_WORD)
_LOWER_WORD = re.compile(r"(?<![\w'’])[a-z][a-z]*")
# Dialogue: "straight", “curly” or ‘single curly’ quotes (a ’ inside a word is an apostrophe),
# running over line breaks but not paragraph breaks; an unclosed quote runs to the paragraph's end.
_QUOTE = re.compile(r"\"(?:[^\"\n]|\n(?!\s*\n))*\"?|“(?:[^”\n]|\n(?!\s*\n))*”?"
                    r"|(?<!\w)‘(?:[^’\n]|’(?=\w)|\n(?!\s*\n))*’?")
_THIRD_PERSON = re.compile(r"\b(?:(he|him|his|himself)|(she|her|hers|herself)|"
                           r"(they|them|their|themselves))\b",
                           re.IGNORECASE)
_FIRST_PERSON = re.compile(r"\b(?:I|me|my|mine|myself)\b")
_SECOND_PERSON = re.compile(r"\b(?:[Yy]ou|[Yy]our|[Yy]ours|[Yy]ourself)\b")
# a text message or chat line, "Arlo: can I come over?" / "**Crowley:** u up": its "I" is the sender's
_CHAT_LINE = re.compile(r"(?m)^[ \t]*(?:\*\*|__)?[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)?(?:\*\*|__)?:(?:\*\*|__)?"
                        r"[ \t]+\S.*$")
# "Annabeth leaned her shoulder": one verb between a name and "her" + a noun
_OWN_POSSESSIVE = re.compile(r"[ \t]+[a-z]+(?:ed|s)[ \t]+")
# "her" then a noun, not "clapped her on the back"
_LOWER_NEXT = re.compile(r"[ \t]+(?!(?:on|in|at|to|for|with|from|into|onto|up|down|off|over|out|away|back|"
                         r"and|but|or|as|that|a|an|the|again|too|so|close|tight|goodbye|good|all|by|about|"
                         r"around)\b)[a-z]")
_SENTENCE_STOP = re.compile(r"[.!?][ \t]+(?=[A-Z])")
_BEAT_STOP = re.compile(r"[.!?][ \t]+")  # the end of a beat's sentence, a quote or another after it
_OPENING_PRONOUN = re.compile(r"(?:(He)|(She))\b")
# a name a line ends a sentence with, the next sentence of the line opening with its pronoun
_TOLD_OF = re.compile(r"[.!][ \t]+" + _OPENING_PRONOUN.pattern)
# a pronoun of another person in a name's own sentence: "him", or "her" as an object ("kissed her.")
_OBJECT_PRONOUN = {True: re.compile(r"\bhim\b"),  # not "himself": "Harry told himself to wait. He" is his
                   False: re.compile(r"\bher\b(?=\s*(?:[.,;:!?]|$|(?:in|on|at|to|from|with|and|as|"
                                     r"a|an|the|that|this|back|up|down|out|off|away)\b))")}
_NARRATING_PRONOUN = re.compile(f"{_FIRST_PERSON.pattern}|{_SECOND_PERSON.pattern}")  # no he/she of theirs
_AFTER_COMMA_QUOTE = re.compile(r",(?:[\"”’']|[ \t]?(?:—|--))[ \t]*$")  # or a dialogue dash: ", — Ivan said"
_SENTENCE_OPENER = re.compile(r"(?:^|[.!?…:;—–\-\"“”‘(\[*_]|\n)[\s\"“‘'(*_]*$")
# Speech verbs whose subject is surely a person ("Dani says"): fewer than SPEECH_VERBS, whose "told",
# "reported" or "ended" follow a paper or a place as often ("Vogue reported").
_PERSON_SPEECH_VERBS = (
    "said|asked|replied|answered|cried|shouted|whispered|murmured|muttered|called|"
    "added|continued|exclaimed|groaned|sighed|laughed|smiled|nodded|grinned|snapped|"
    "yelled|screamed|breathed|began|went on|returned|observed|remarked|declared|"
    "says|asks|replies|answers|cries|shouts|whispers|murmurs|mutters|calls|adds|continues|"
    "exclaims|groans|sighs|laughs|smiles|nods|grins|snaps|yells|screams|breathes|begins|goes on|"
    # tag verbs that take no object, so the name beside them speaks ("hinted Tuppence")
    "hinted|interrupted|confessed|inquired|enquired|rejoined|retorted|stammered|pleaded|"
    "explained|suggested|admitted|repeated|gasped|chuckled|giggled|sobbed|drawled|"
    "growled|grumbled|faltered|ventured|persisted|resumed|interposed|hissed|"
    "snarled|wailed|moaned|mumbled|stuttered|blurted|queried"
)
# "Ines dropped", "Ines glanced", "Ines came in"
# "Natasha was waiting": read only before a line its pronoun tags (``_line_after``), as no act
# anywhere else ("Summer was ending" is no one)
_WAS_DOING = re.compile(r"[ \t]+(?:was|is)[ \t]+[a-z]{2,}ing\b")
# a verb of acting after a name, an adverb allowed ("Natasha just looked")
_ACTS_AFTER = re.compile(rf"[ \t]+(?:(?:[a-z]{{2,}}ly|just|still|then|also|already|never|always|even)[ \t]+)?"
                         rf"(?:{PAST_ACTS}|{PRESENT_ACTS})\b")
_SPEECH_AFTER = re.compile(rf"[ \t]+(?:{_PERSON_SPEECH_VERBS})\b")
# The present tense: "she leans" against "she leaned"; in a story told so, "Kaelith unrolls" acts.
_NOT_VERBS_IN_S = r"(?:is|was|has|does|as|us|this|thus|its|his|hers|yours|ours|theirs|always|perhaps|" \
    r"across|unless|less|plus|towards|afterwards|besides|sometimes|nevertheless|yes)"
_PRONOUN_PRESENT = re.compile(rf"\b(?:he|she|He|She)[ \t]+(?!{_NOT_VERBS_IN_S}\b)[a-z]{{2,}}s\b"
                              r"|\b(?:says|asks)\b")
_PRONOUN_PAST = re.compile(r"\b(?:he|she|He|She)[ \t]+(?:[a-z]{2,}ed|was|had|said|went|came|took|made|got|"
                           r"saw)\b|\b(?:said|asked)\b")
_PRESENT_ACTS = re.compile(rf"{_ACTS_AFTER.pattern}|[ \t]+(?!{_NOT_VERBS_IN_S}\b)[a-z]{{2,}}s\b")
_PLACE_BEFORE = re.compile(r"\b(?:in|at|on|from|near|into|towards|toward|through|reach|visit|leave|left)\s+$")
_WORD_BEFORE = re.compile(r"\b(\w+),?[ \t]+$")
# a verb and a few words of its clause between a name and "her" + a noun: "Mara hid a grin behind her mug"
_OWN_CLAUSE = re.compile(rf"{_ACTS_AFTER.pattern}(?:[ \t]+[a-z]+){{0,4}}[ \t]+")
# a possessive of what only a person has, an adjective allowed: "Ines's head", "Ines's little brother"
_BODILY = re.compile(r"['\u2019]s[ \t]+(?:[a-z]+[ \t]+)?(?:"
                     + "|".join(sorted(PERSON_PARTS, key=len, reverse=True))
                     + r"|mother|father|mum|mom|dad|sister|brother|son|daughter|wife|husband|aunt|uncle|"
                       r"cousin|girlfriend|boyfriend|friend|roommate)\b")
_CLAUSE_BEFORE = re.compile(  # "When Dani finally arrives, she's ...": a clause's subject too
    r"(?:,|\b(?:and|but|while|when|as|because|then|so|before|after|until|if|though|once|since))"
    r"[ \t]+$",
    re.IGNORECASE,
)
_CLAUSE_PRONOUN = re.compile(r"[ \t]+(?:that[ \t]+)?(?:he|she|they)\b")  # "knew (that) he ..."
_VOCATIVE_BEFORE = re.compile(r",[ \t]*$")
_VOCATIVE_AFTER = re.compile(r"[ \t]*[.!?][\"”’]")
_SHOUTED = re.compile(r"[A-Z]{2,}(?:[ \t][A-Z]{2,})?(?![\w'’])")  # a name in capitals
_CALLED_FIRST = re.compile(r"[\"“][ \t]*$")  # '"Hollis, who had access?"': a name called as a quote opens
_COMMA_CLOSES = re.compile(r",[\"”’]")  # "I'm here, Cas," Dean said: a name called, which a tag follows
# A name called in dialogue: "Well, Watson?" / "Pip, come here." / "My dear Basil!"
_CALLED = re.compile(r"(?:,[ \t]|[\"“‘]|\b[Dd]ear[ \t])$")
_CALLED_END = re.compile(r"[ \t]*[,.!?]")
_LINE_BREAKS = re.compile(r"\n\s*")  # a run of them is one paragraph break
_PARAGRAPH_GAP = re.compile(r"\n[ \t]*\n")
# a name set off by commas, then its verb: "my neighbour, Mr. Theo Vance, was at the gate"
_APPOSED_BEFORE = re.compile(r"[a-z],[ \t]+(?:[A-Z][\w'\u2019.-]*[ \t]+){0,3}[A-Z][\w'\u2019-]*$")
_APPOSED_ACTS = re.compile(rf",(?:{_ACTS_AFTER.pattern}|[ \t]+(?:was|had|would|could|did)\b)")
_CLOSES_PARAGRAPH = re.compile(r"[.!?][ \t]*(?:\n|$)")  # "He turned to Rachel.": its paragraph's last word
_PRONOUN_TAG = re.compile(rf"[ \t]*\n?[ \t]*(he|she)[ \t]+(?:[a-z]+ly[ \t]+)?(?:{SPEECH_VERBS})\b")
# '," said |the painter', '," said the |Texan'
_AFTER_QUOTE = re.compile(rf"[ \t]*\n?[ \t]*(?:(?:{SPEECH_VERBS})[ \t]+)?(?:the[ \t]+)?")
_OWNER_BEFORE = re.compile(r"\b(?:[Mm]y|[Hh]is|[Hh]er|[Oo]ur|[Yy]our|[Tt]heir)[ \t]+$")
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
# someone the sentence's subject comes upon: "came home to find Ren Okada asleep"
_MET_BEFORE = re.compile(r"\b(?:find|finds|found|see|sees|saw|watch|watches|watched|watching|meet|meets|met|"
                         r"join|joins|joined|spot|spots|spotted|greet|greets|greeted)[ \t\n]+$")
_OF_PLACE_BEFORE = re.compile(rf"(?:{_PLACE_BEFORE.pattern})|\bof\s+$")
# Days and months: never names alone, but part of a name the text keeps whole ("the March Hare").
_CALENDAR = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
             "February", "March", "July", "September", "October", "November", "December"}
# Numbers that name people in some stories (Alice's playing cards, the Doctor's "Ten").
_NUMBER_NAMES = {"Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Eleven", "Twelve"}
# Months that are also given names ("April", "May", "June", "August") are dates beside a day or
# a word of time: "3 May", "1st May", "May 3", "in early April", "until June", "the end of August".
_NAME_MONTHS = {"April", "May", "June", "August"}
_DAY_BEFORE = re.compile(r"(?:\b\d{1,2}(?:st|nd|rd|th)?(?:[ \t]+of)?|\b[a-z]+(?:st|nd|rd|th)[ \t]+of|"
                         r"\b(?:early|late|mid|last|next|this|until|till|since|during|through|throughout|in|of))"
                         r"[ \t]*\n?[ \t]*$")
_DAY_AFTER = re.compile(r",?[ \t]*\n?[ \t]*\d")
_SPEECH_BEFORE = re.compile(rf"\b(?:{_PERSON_SPEECH_VERBS})[ \t]+(?:the[ \t]+)?$")
_QUOTE_MARK = "[\"“”‘’']"
_NICKNAME = re.compile(
    rf"({_WORD}){_GAP}{_QUOTE_MARK}({_WORD}){_QUOTE_MARK}(?={_GAP}({_WORD}))"  # Robert "Bobby" Smith
    rf"|(?!Better\b)({_WORD}(?:[ \t]+{_WORD})?)(?:,?[ \t]+(?:better[ \t]+)?(?:known[ \t]+as|nicknamed)[ \t]+"
    rf"|[ \t]+\((?:or[ \t]+)?){_QUOTE_MARK}?({_WORD})"  # Anne, known as Nan; Elizabeth ("Lizzy");
)  # not '"Better known as Sadness," he said'
# "Theodore — Teddy —", "Augustus — Gus to everyone —": a pet name of the name set off by dashes
_DASHED_NICKNAME = re.compile(rf"({_WORD})[ \t]*(?:—|–|--)[ \t]*({_WORD})"
                              rf"(?=[ \t]*(?:—|–|--|,)|[ \t]+to\b)")
_DESCRIBED_ADJECTIVES = r"(?:old|young|little|first|second|third|other|tall|short|fat|thin|stout|elder|" \
    r"younger|big|small|grey|gray|red|dark|fair|pale|new|head|chief|strange|good|poor|dear|worthy|" \
    r"honest|kind|great|pretty|handsome|wretched)"
# "the (old) man (with the black beard)": what marks one person out may follow the noun.
_DESCRIPTION = (rf"the[ \t]+(?:({_DESCRIBED_ADJECTIVES})[ \t]+)?([a-z]+(?:-[a-z]+)*)"
                rf"(?:[ \t]*\n?[ \t]*((?:in|with|of)[ \t]*\n?[ \t]*the(?:[ \t]*\n?[ \t]*[A-Za-z-]+){{1,2}})\b"
                rf"(?![ \t]*['’]s\b))?")
# A quotation's closing mark: a straight single quote only after punctuation (",' said the nurse"),
# where it is no apostrophe; or the dash that closes speech told with dashes (", — said Ivan")
_CLOSING_MARK = "(?:[\"”’]|(?<=[,.!?\u2014\u2013-])'|(?<=[,.!?\u2026])[ \t]?(?:\u2014|--))"
# A tag beside a quotation: '…," said the stranger', '…" The stranger said' or, opening the
# paragraph the quotation is in, 'The stranger called, "…'.
_DESCRIBED_TAG = re.compile(
    rf"{_CLOSING_MARK}[ \t]*\n?[ \t]*(?:{SPEECH_VERBS})[ \t]+{_DESCRIPTION}\b(?![ \t]*['’]s\b)"
    rf"|{_CLOSING_MARK}[ \t]*\n?[ \t]*(?i:t){_DESCRIPTION[1:]}[ \t]+(?:{SPEECH_VERBS})\b"
    rf"|(?:^|(?<=\n))[ \t]*T{_DESCRIPTION[1:]}[ \t]+(?:{SPEECH_VERBS})[ \t]*[,:][ \t]*\n?[ \t]*[\"“]"
)
# The rest of a paragraph's first sentence, and the quotation that opens right after it
_THEN_A_LINE = r"(?:[^\n\"“”]|\n(?![ \t]*\n)){0,160}?[.!?][ \t]*\n?[ \t]*[\"“]"
# A paragraph that opens with someone new acting, then speaking: 'A nurse put her head round the
# curtain. "..."'
_SOMEONE_NEW = rf"(?:^|\n)[ \t]*An?[ \t]+(?:({_DESCRIBED_ADJECTIVES})[ \t]+)?([a-z]+)"  # "A (young) nurse"
_INDEFINITE_BEAT = re.compile(
    rf"{_SOMEONE_NEW}(?={_ACTS_AFTER.pattern}|[ \t]+(?:{_PERSON_SPEECH_VERBS})\b){_THEN_A_LINE}")
# A paragraph of narration that opens with someone known by what they do coming on, whose next
# paragraph opens with a line: 'A nurse bustles in, a woman with silver hair. She checks the
# monitor. / "How's the head, love?"'
_ROLE_ARRIVES = re.compile(
    rf"{_SOMEONE_NEW}(?={_ACTS_AFTER.pattern}|[ \t]+(?:[a-z]{{2,}}ly[ \t]+)?[a-z]{{3,}}(?:s|ed)\b)"
    r"[^\n\"\u201c\u201d]{0,600}\n[ \t]*\n[ \t]*[\"\u201c]")
# A paragraph that opens with someone known by what they do acting, then they speak: 'The waitress
# came over with the pot. "Refill, hon?"' (twice, like a tag, to be a character)
_THE_ROLE_ACTS = rf"The[ \t]+(?:({_DESCRIBED_ADJECTIVES})[ \t]+)?([a-z]+)(?={_ACTS_AFTER.pattern})"
_ROLE_BEAT = re.compile(rf"(?:^|\n)[ \t]*{_THE_ROLE_ACTS}{_THEN_A_LINE}")
# ... or a sentence opening with them acting ends a paragraph and the next one opens with a line:
# 'Wren coughed. The nurse leaned over the bed. / "Breathe for me."' (a tag's worth, as above)
_ROLE_BEAT_BEFORE = re.compile(rf"(?:^|(?<=[.!?])[ \t]+|\n)[ \t]*{_THE_ROLE_ACTS}"
                               r"[^\n\"\u201c\u201d.!?]{0,160}[.!?][ \t]*\n[ \t]*\n[ \t]*[\"\u201c]")
# A paragraph that sets someone by their role, then they speak: 'Inside, the cashier is a girl with
# green hair. / "Rough morning?" she asks.'
_WHAT_THEY_ARE = r"an?[ \t]+(?:[a-z-]+[ \t]+){0,2}(girl|woman|man|boy|guy|lady|gentleman|kid|teenager)\b"
_ROLE_INTRODUCED = re.compile(
    r"(?:^|\n)[ \t]*(?:[A-Z][a-z]+,[ \t]+)?[Tt]he[ \t]+([a-z]+)[ \t]+(?:is|was)[ \t]+" + _WHAT_THEY_ARE +
    r"[^\n\"“”]{0,200}?[.!?][ \t]*(?:\n[ \t]*){0,2}[\"“]")
# ... or in apposition, at most 200 characters before the end of a paragraph a line follows: 'The
# bookshop is empty except for you and the owner, an old man with ink on his fingers. / "Looking
# for anything?" he asks.'
_ROLE_APPOSITION = re.compile(
    r"\b[Tt]he[ \t]+([a-z]+),[ \t]+" + _WHAT_THEY_ARE +
    r"[^\n\"\u201c\u201d]{0,200}?[.!?][ \t]*\n[ \t]*\n?[ \t]*[\"\u201c]")
# Last words of a phrase after the noun that say how, not who: "said the man in the same tone".
_NOT_DISTINGUISHING = {"tone", "voice", "manner", "way", "same", "utmost", "air", "look", "smile", "room",
                       "house", "door", "window", "hall", "passage", "street", "corner", "dark", "end",
                       "morning", "evening", "night", "day", "meantime", "first", "world", "matter"}
# Last words of a tag that name no one in particular: "said the other", "the two laughed".
_NOT_DESCRIPTIONS = {"other", "one", "two", "three", "four", "latter", "former", "last", "same", "rest",
                     "others", "voices", "men", "women", "people", "crowd", "children", "girls", "boys",
                     "ladies", "gentlemen", "party", "company", "whole", "words", "letter", "note", "paper",
                     "sign", "voice"}
# "the tall one", "the younger one": an adjective that sets one of a few apart makes "one" someone
_SET_APART = re.compile(r"(?!(?:other|first|second|third|last|same|new|good|poor|dear|great)\b)[a-z]+ one")
_SELF_NAMING = re.compile(rf"\b(?:[Mm]y name(?: is|['’]s)|[Cc]all(?:s|ed)? me|called myself|"
                          rf"(?:I was|I am|to be) (?:called|named|known as)|I am|I['’]m)[ \t]+"
                          rf"({_WORD}(?:[ \t]+{_WORD})?)")


@cache
def _name_genders() -> dict[str, Gender]:
    """First name -> he/she for names on exactly one of the two lists."""
    male, female = gendered_names("male"), gendered_names("female")
    return {**dict.fromkeys(male - female, "he"), **dict.fromkeys(female - male, "she")}


def _listed_gender(names: list[str]) -> Gender:
    """The gender of a name's first word on one list, else of its last ("Mori Daichi": a family
    name written first, as Japanese and Korean names are)."""
    genders = _name_genders()
    first = genders.get(names[0], "unknown") if names else "unknown"
    return first if first != "unknown" or len(names) < 2 or names[0] in first_names() \
        else genders.get(names[-1], "unknown")


def find_characters(world: StoryWorld) -> StoryWorld:
    """Fill ``world.characters`` from the story text (or ``world._cast``); see the module docstring."""
    ranges = _story_ranges(world)
    quoted, sender_spans = quotation_spans(world.text, ranges, world._italics)
    quotes = _quote_ranges(world.text, ranges, quoted)
    senders = frozenset(start for start, _ in sender_spans)
    words = _word_count(world.text, ranges)
    if world._cast:
        groups = _cast_groups(world.text, ranges, world._cast)
    else:
        groups = _discover(world.text, ranges, quotes, senders, words)
        groups += _add_senders(world.text, sender_spans, groups)
    _match_mentions(world.text, ranges, groups)
    _drop_unused_aliases(world.text, groups)
    if not world._cast and words < INERT_WORDS:  # in a novel, "his brother" is many men's
        _kin_named_once(world.text, ranges, quotes, groups)
    narrator = _find_narrator(world.text, ranges, quotes, groups, cast_given=bool(world._cast)) \
        or _second_person_reader(world.text, ranges, quotes, groups, cast_given=bool(world._cast))
    if narrator is not None and not world._cast:
        groups += _narrator_kin(world.text, ranges, quotes, groups, narrator)
    if not world._cast:
        groups += _kin_described(world.text, ranges, quotes, groups)
        groups += _family_called(world.text, ranges, quotes, groups)
    narrators = _scene_narrators(world.text, ranges, world.scenes, groups, narrator, bool(world._cast))

    def tells(group: _Group) -> bool:
        return any(group is teller for teller in narrators)
    for group in groups:
        if group.cast is not None and group.cast.gender != "unknown":
            group.gender = group.cast.gender
        else:
            group.gender = _infer_gender(world.text, group, groups, quotes)
    # who could be a line's "he" or "she": not a word written once that nothing gives a gender
    # ("Hogwarts", which NER read as a person, between "Draco sat down" and '"Hi," he said')
    genders_at = {start: g.gender for g in groups if (len(g.spans) > 1 or g.gender != "unknown")
                  and g is not narrator for start, _ in g.spans}  # a narrator's "I" is never a "he"
    starts = sorted(genders_at)
    # named once, or of no gender yet: does the line after a mention of them say "she said"?
    for group in (g for g in groups if (len(g.spans) == 1 or g.gender == "unknown") and not g.described):
        line = _next_line_pronoun(world.text, quotes, [end for _, end in group.spans], genders_at, starts)
        group.gender = line if group.gender == "unknown" and line else group.gender
        if len(group.spans) == 1:
            group.speaks_next = line == group.gender or \
                _beats_own_line(world.text, quotes, group.spans[0][1], starts)
    openings = sorted({a for a, _ in ranges} | {scene.start for scene in world.scenes})
    least = max(MIN_MENTIONS, words // WORDS_PER_MENTION)
    # a full or titled name, or a description tagging speech ("said the turnkey"): as few in a long book
    kept = [g for g in groups if g.cast is not None or tells(g)
            or len(g.spans) >= (MIN_MENTIONS if _is_full_or_titled(g) or g.described else least)
            or g.introduced and g.spans
            or not g.described and any(_tagged_quote(world.text, quotes, s) is not None for s, _ in g.spans)
            or g.speaks_next or any(start in senders for start, _ in g.spans)
            or words < INERT_WORDS and _brought_on_in_full(world.text, quotes, openings, g)]
    if words >= INERT_WORDS:
        kept = [g for g in kept if g.cast is not None or tells(g) or not _inert(world.text, quotes, g)]
    kept = _name_the_described(quotes, groups, _drop_generic(world.text, quotes, kept, narrator))
    _join_described(kept)
    kept = _join_roles(world.text, quotes, groups, kept)
    _join_married(world.text, kept)
    answers = _Answers(world.text, quotes, kept)
    _join_answering(kept, answers)
    _join_called_titles(answers)
    kept = [g for g in kept if g.spans or g.cast is not None]
    kept.sort(key=lambda g: (-len(g.spans), g.first_mention))
    world.characters = [
        Character(id=f"c{i}", name=g.name, aliases=[a for a in g.aliases if a != g.name], gender=g.gender,
                  mentions=len(g.spans), mention_spans=[Span(start=s, end=e, note=world.text[s:e])
                                                       for s, e in sorted(g.spans)],
                  from_cast=g.cast is not None, narrator=tells(g))
        for i, g in enumerate(kept, 1)
    ]
    return world


@dataclass
class _Group:
    """One character being built: its aliases, evidence and matched mentions."""

    aliases: list[str]
    name: str = ""
    cast: CastMember | None = None
    gender_hint: Gender = "unknown"  # from titles and first names, while clustering
    spans: list[tuple[int, int]] = field(default_factory=list)
    gender: Gender = "unknown"
    described: bool = False  # "the stranger": a description, not a name
    generic: bool = False  # "the boy": a description anyone of that gender could have
    introduced: bool = False  # "A nurse put her head round the curtain. "...": someone new who speaks
    speaks_next: bool = False  # "Jess came in.\n\n"Is he here?" she asked.": named, then speaks

    @property
    def first_mention(self) -> int:
        return min((s for s, _ in self.spans), default=1 << 62)


INERT_MENTIONS = 4  # a name of no gender written no more often, which never acts nor speaks, is no one's
INERT_WORDS = 20_000  # ...in a text this long (in a short one, few mentions are a minor character's lot)


def _inert(text: str, quotes: list[tuple[int, int]], group: _Group) -> bool:
    """A bare word of no known gender, written a few times, that never acts, speaks or is spoken
    to: "played Chopin", "a Beethoven sonata", "the Madonna" name no one in the novel ("Dr.
    Skinner", titled, or "Hamidullah Begum", in full, is someone, if only talked of; "St. Paul"
    is a church)."""
    return group.gender == "unknown" and not group.described \
        and (not _is_full_or_titled(group) or _saints_only(group)) \
        and 0 < len(group.spans) <= INERT_MENTIONS \
        and not any(_ACTS_AFTER.match(text, end) or _SPEECH_AFTER.match(text, end)
                    or _tagged_quote(text, quotes, start) is not None
                    or _called_at(text, start, end) for start, end in group.spans)


def _called_at(text: str, start: int, end: int) -> bool:
    """Whether the name at [start, end) is addressed in dialogue there: "…without me, Dev.", or as
    the line opens with an honorific: "Suga-san! Tell him to toss for me!" (without one, "Dev,
    wait." as often opens a line about Dev: PDNC lost 9 lines and 0.02 of its precision)."""
    if _CALLED_FIRST.search(text, max(0, start - 3), start) and _OPENING_CALL_END.match(text, end):
        return True
    return bool(_VOCATIVE_BEFORE.search(text, max(0, start - 12), start) and _VOCATIVE_AFTER.match(text, end))


_OPENING_CALL_END = re.compile(rf"{HONORIFIC_SUFFIX.pattern}[,!?]")


def _saints_only(group: _Group) -> bool:
    """Named only as a saint ("St. Paul", "Saint Saviour"): most often a church or a feast."""
    firsts = [tokens[0] for alias in group.aliases if (tokens := _tokens(alias))]
    return all(_strip_title(first) in ("St", "Saint") for first in firsts)


def _is_full_or_titled(group: _Group) -> bool:
    """Named somewhere with a title or more than one word: rarely anything but a person."""
    return any(len(_tokens(alias)) > 1 for alias in group.aliases)


def _brought_on_in_full(text: str, quotes: list[tuple[int, int]], openings: list[int], group: _Group) -> bool:
    """Named once, in full and untitled (a sentence's unlisted first word was cut off already:
    ``_candidates``), as the subject of a sentence (or whom its subject finds: ``_MET_BEFORE``) in
    the first paragraph of a chapter or scene (``openings``), with talk soon after: how a story
    shorter than ``INERT_WORDS`` brings on the people it then calls "the blond" or "babe" ("Draco
    Malfoy was already at the scene when Ron Weasley Apparated in."); not the people a novel's
    narration names in passing ("the heresies of Voltaire and Robert Ingersoll")."""
    if len(group.spans) != 1 or group.described:
        return False
    start, end = group.spans[0]
    words = _tokens(text[start:end])
    opening = openings[bisect_right(openings, start) - 1] if openings and openings[0] <= start else 0
    following = bisect_left(quotes, (end, end))
    return (len(words) > 1 and not is_title(words[0]) and not _inside(quotes, start)
            and not _OF_PLACE_BEFORE.search(text, max(0, start - 12), start)  # "the hall of Caer Velloran"
            and not _PARAGRAPH_GAP.search(text, opening, start)
            and bool(_SUBJECT_AFTER.match(text, end) or _MET_BEFORE.search(text, max(0, start - 12), start))
            and following < len(quotes) and quotes[following][0] - end <= CONVERSATION_REACH)


def _word_count(text: str, ranges: list[tuple[int, int]]) -> int:
    return sum(len(text[a:b].split()) for a, b in ranges)


def _story_ranges(world: StoryWorld) -> list[tuple[int, int]]:
    spans = [(c.start, c.end) for c in world.chapters if c.end > c.start]
    return sorted(spans) if spans else [(0, len(world.text))]


def _quote_ranges(text: str, ranges: list[tuple[int, int]],
                  quoted: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Stretches of dialogue, sorted and disjoint: double quotes within a line, and the quotations
    the quotes stage finds, ``quoted`` (British single quotes, told apart from apostrophes: without
    them, the "I" of every line made a third-person story first-person)."""
    merged: list[tuple[int, int]] = []
    found = [(m.start() + a, m.end() + a) for a, b in ranges for m in _QUOTE.finditer(text[a:b])]
    for start, end in sorted(found + quoted):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _inside(spans: list[tuple[int, int]], position: int) -> bool:
    i = bisect_right(spans, (position, 1 << 62)) - 1
    return i >= 0 and spans[i][0] <= position < spans[i][1]


# --- 1. candidates --------------------------------------------------------------------------------


@dataclass
class _Candidate:
    """A capitalised name form and where it occurs."""

    form: str
    positions: list[int] = field(default_factory=list)
    initial: int = 0  # occurrences at the start of a sentence
    speech: int = 0  # occurrences next to a speech verb ("Finn groaned", "said Finn")
    place: int = 0  # occurrences after a preposition of place ("in Lima", "at Callbacks")
    the: int = 0  # occurrences after "the" ("the Hatter")
    kin: int = 0  # occurrences after a person word ("his sister Juno")
    possessive: int = 0  # "Kurt's"
    bodily: int = 0  # "Ines's head", "Ines's brother": what only a person has
    vocative: int = 0  # addressed in dialogue: "…without me, Dev."
    acts: int = 0  # followed by a verb in the past tense: "Ines dropped the file"
    honorific: int = 0  # "Todoroki-kun", "Aizawa-sensei": a person, whatever NER says
    sends: int = 0  # sends a chat message: "Mercedes: who ate my pizza"
    called_before_tag: int = 0  # called at a quote's end, before its tag: '"I'm here, Cas," Dean said'
    subject_opening: int = 0  # a whole name opening a sentence as its subject: "Tobin Ash wandered in"


def _tokens(form: str) -> list[str]:
    return _TOKEN.findall(form)


def _strip_title(token: str) -> str:
    return token.rstrip(".")


def is_title(token: str) -> bool:
    """Whether a word is a title worn before a name ("Mr.", "Professor", "Aunt"), not a name itself."""
    return _strip_title(token) in _TITLES


def known_by_description(name: str) -> bool:
    """Whether a character's name is what a family calls them or a description ("Grandma", "the
    princess", "my aunt"), not a name of their own: one they may still give in a line."""
    return name in FAMILY_CALLED or name.lower().startswith(("the ", "my ", "her ", "his "))


def _candidates(text: str, ranges: list[tuple[int, int]], quotes: list[tuple[int, int]],
                senders: frozenset[int] = frozenset()) -> tuple[dict[str, _Candidate], Counter[str]]:
    """Every trimmed capitalised run in the story, with the cues counted at each occurrence; and
    the story's lower-case words, counted. "said X" is a speech tag only outside the quotations
    ('"You said Barcelona"' names a place); ``senders``: where chat messages name their senders."""
    lower: Counter[str] = Counter()
    runs: list[tuple[bool, list[tuple[int, str]]]] = []
    for a, b in ranges:
        chunk = text[a:b]
        lower.update(m.group() for m in _LOWER_WORD.finditer(chunk))
        for m in _RUN.finditer(chunk):
            if chunk.startswith("/", m.end()) or m.start() and chunk[m.start() - 1] == "/":
                continue  # "Y/N", "AC/DC": no name's part
            tokens = [(t.start() + m.start() + a, t.group()) for t in _TOKEN.finditer(m.group())]
            if _is_date(text, *tokens[0]):
                tokens = tokens[1:]  # "by the middle of June / Kitty was ...": Kitty
            if tokens:
                runs.append((_starts_sentence(text, tokens[0][0]), tokens))
    capital: Counter[str] = Counter()
    inside: Counter[str] = Counter()  # capitalised where no sentence starts: a name's sure sign
    for initial, tokens in runs:
        capital.update(_bare(t) for _, t in tokens)
        inside.update(_bare(t) for _, t in tokens[1 if initial else 0:])
        inside.update(t for p, t in tokens if HONORIFIC_SUFFIX.match(text, p + len(t)))  # "Hayashi-kun" too
    # a first name or a number the text capitalises on its own mid-sentence twice is a name, however
    # often the word is written in lower case ("Will" beside "will", the Doctor's "Ten" beside "ten";
    # not the "Great" of "Great Portland Street")
    alone = Counter(_bare(tokens[0][1]) for initial, tokens in runs if not initial and len(tokens) == 1)
    given = frozenset(w for w, n in alone.items() if n >= 2 and (w in first_names() or w in _NUMBER_NAMES))
    called = {_bare(token) for _, [(start, token)] in (r for r in runs if len(r[1]) == 1)  # a name
              if _CALLED_FIRST.search(text, max(0, start - 3), start)
              and text.startswith(",", start + len(token))}
    whole_name_starts: set[int] = set()  # where a sentence opens with a whole name of no listed first name
    for i, (initial, tokens) in enumerate(runs):
        first = _bare(tokens[0][1])
        if initial and len(tokens) > 1 and not is_title(first) and not inside[first] \
                and first not in first_names() and first not in called:
            if _given_name_opening(text, tokens, lower):
                whole_name_starts.add(tokens[0][0])
            else:
                runs[i] = (False, tokens[1:])  # "Catching Blaine": a sentence's first word, not a name
    found: dict[str, _Candidate] = {}
    acting = _PRESENT_ACTS if _told_in_the_present(text, ranges, quotes) else _ACTS_AFTER
    fixed = _fixed_phrases(runs, lower, capital, given)
    for _, tokens in runs:
        whole = tuple(_bare(t) for _, t in tokens) in fixed
        for part in [tokens] if whole else _split_run(tokens, lower, capital, given):
            start, end = part[0][0], part[-1][0] + len(_bare(part[-1][1]))
            form = text[start:end]
            if "\n" in form:
                form = " ".join(form.split())
            candidate = found.setdefault(form, _Candidate(form))
            candidate.positions.append(start)
            candidate.subject_opening += start in whole_name_starts
            candidate.initial += _starts_sentence(text, start)
            if _SPEECH_AFTER.match(text, end) or _SPEECH_BEFORE.search(text, max(0, start - 20), start) \
                    and not _inside(quotes, start) \
                    or _AFTER_COMMA_QUOTE.search(text, max(0, start - 6), start) and acting.match(text, end):
                candidate.speech += 1  # '"I'm alive," Kaelith corrects him.': a tag, whatever its verb
            before = text[max(0, start - 12):start]
            candidate.place += bool(_PLACE_BEFORE.search(before))
            candidate.the += bool(_THE_BEFORE.search(before))
            kin = _WORD_BEFORE.search(text, max(0, start - 16), start)
            candidate.kin += bool(kin and kin.group(1).lower() in _PERSON_NOUNS)
            candidate.possessive += text.startswith(("'s", "’s"), end)
            candidate.bodily += bool(_BODILY.match(text, end))
            candidate.vocative += _called_at(text, start, end)
            candidate.acts += bool(acting.match(text, end))
            candidate.honorific += bool(HONORIFIC_SUFFIX.match(text, end))
            candidate.sends += start in senders
            candidate.called_before_tag += bool(_VOCATIVE_BEFORE.search(text, max(0, start - 12), start)
                                                and _COMMA_CLOSES.match(text, end))
    for start in sorted(senders):  # a script's "KURT:", which no capitalised run reads, is Kurt
        if (shouted := _SHOUTED.match(text, start)) is not None:
            candidate = found.setdefault(shouted.group().title(), _Candidate(shouted.group().title()))
            candidate.positions.append(start)
            candidate.sends += 1
    return found, lower


def _told_in_the_present(text: str, ranges: list[tuple[int, int]], quotes: list[tuple[int, int]]) -> bool:
    """Whether the narration's he and she act, and its tags say, in the present tense more than in
    the past ("she leans", "says Vorrin"): then any verb in -s after a name is an act ("Kaelith
    unrolls")."""
    present = past = 0
    for a, b in ranges:
        present += sum(not _inside(quotes, m.start()) for m in _PRONOUN_PRESENT.finditer(text, a, b))
        past += sum(not _inside(quotes, m.start()) for m in _PRONOUN_PAST.finditer(text, a, b))
    return present > past


def _is_date(text: str, start: int, word: str) -> bool:
    """Whether a capitalised word is a month beside its day or a word of time ("on 1st May,", "May
    3", "until late April"), not a woman named May ("in June's room" is hers: the word is "June's")."""
    if word not in _NAME_MONTHS:
        return False
    return bool(_DAY_BEFORE.search(text, max(0, start - 20), start)
                or _DAY_AFTER.match(text, start + len(word)))


def _fixed_phrases(runs: list[tuple[bool, list[tuple[int, str]]]], lower: Counter[str],
                   capital: Counter[str], given: frozenset[str]) -> set[tuple[str, ...]]:
    """Short runs the text keeps capitalised as a whole, mid-sentence, at least ``FIXED_PHRASE``
    times, though a word of theirs is common ("the Invisible Man"): names, not to be cut."""
    seen = Counter(tuple(_bare(t) for _, t in tokens) for initial, tokens in runs
                   if not initial and 2 <= len(tokens) <= 3)
    return {words for words, count in seen.items() if count >= FIXED_PHRASE
            and not any(w in _NEVER_NAMES - _CALENDAR or is_title(w) or not _TOKEN.fullmatch(w)
                        for w in words)
            and any(_is_common(w, lower, capital, given) for w in words)
            and not all(_is_common(w, lower, capital, given) for w in words)}


def _starts_sentence(text: str, position: int) -> bool:
    """Whether a capital at ``position`` may be a sentence's, not a name's: not after a quotation
    that ends in a comma ('"Morning," Bucky said': the sentence goes on into its tag)."""
    return position == 0 or bool(_SENTENCE_OPENER.search(text, max(0, position - 6), position)) \
        and not _AFTER_COMMA_QUOTE.search(text, max(0, position - 6), position)


def _bare(token: str) -> str:
    """A token without a possessive or contraction ending ("Kurt's" -> "Kurt")."""
    return re.sub(r"['’](?:s|t|ll|re|ve|d|m)$", "", token) if "'" in token or "’" in token else token


def _is_common(token: str, lower: Counter[str], capital: Counter[str], given: frozenset[str]) -> bool:
    bare = _bare(token)
    if bare != token and not re.search(r"['’]s$", token):
        return True  # a contraction: "Don't", "Can't"
    if bare in _NEVER_NAMES or (len(bare) > 1 and bare.isupper()) or bare.isdigit():
        return True
    return lower[bare.lower()] > capital[bare] and bare not in given


_PAST_AFTER_NAME = re.compile(r"[A-Z][a-z]{2,}ed")
# a verb after a name that makes it its sentence's subject: "Draco Malfoy was", "Ron Weasley Apparated"
_SUBJECT_AFTER = re.compile(rf"[ \t]+(?:(?:[a-z]{{2,}}ly|just|still|already|had|was|has|is)[ \t]+)?"
                            rf"(?:was|were|had|has|is|{PAST_ACTS}|{PRESENT_ACTS}|{_PAST_AFTER_NAME.pattern})\b")


# Words that open a sentence before a name but are none ("Meanwhile Hamidullah", "Hitherto Gino").
_OPENERS = {"Meanwhile", "Hitherto", "Afterwards", "Afterward", "Besides", "Nevertheless", "Nonetheless",
            "However", "Moreover", "Furthermore", "Otherwise", "Therefore", "Thus", "Hence", "Later",
            "Soon", "Once", "Instead", "Anyway", "Anyhow", "Somehow", "Sometimes", "Tonight", "Today",
            "Tomorrow", "Yesterday", "Outside", "Inside", "Upstairs", "Downstairs", "Behind", "Beside",
            "Across", "Beyond", "Below", "Above", "Beneath", "Though", "Although", "Unless",
            "Until", "Since", "While", "Whilst", "Whereas", "Because", "Like", "Unlike", "Poor", "Old",
            "Young", "Little", "Dear", "Good", "Brave", "Sweet", "Silly", "Clever", "Together",
            "Finally", "Suddenly", "Eventually", "Again", "Also", "Too", "Next", "First", "Last", "Every"}


def _given_name_opening(text: str, tokens: list[tuple[int, str]], lower: Counter[str]) -> bool:
    """Whether a two-word run opening a sentence is a whole name whose first name is on no list:
    the story never writes the word in lower case, it is no sentence opener (``_OPENERS``, no
    "-ing", "-ly" or "-ed" word), and the name is its sentence's subject ("Tobin Ash wandered in",
    "Pepper Potts did not look up"); "Meanwhile Hamidullah" and "Catching Blaine" stay one name."""
    first = _bare(tokens[0][1])
    last_start, last = tokens[-1]
    return (len(tokens) == 2 and first.lower() not in lower and first not in _OPENERS
            and first not in _NEVER_NAMES and not first.endswith(("ing", "ly", "ed")) and first.isalpha()
            and bool(_SUBJECT_AFTER.match(text, last_start + len(_bare(last)))))


def _split_run(tokens: list[tuple[int, str]], lower: Counter[str], capital: Counter[str],
               given: frozenset[str]) -> Iterator[list[tuple[int, str]]]:
    """Cut a capitalised run at common words and place words; keep parts with a name word."""
    part: list[tuple[int, str]] = []
    for position, token in tokens + [(-1, "")]:
        keep = token and (is_title(token) or not _is_common(token, lower, capital, given)) \
            and not (len(part) > 1 and position == tokens[-1][0] and _PAST_AFTER_NAME.fullmatch(token)
                     and token not in first_names())  # "Ron Weasley Apparated in": a verb after a full name
        if keep and position == tokens[-1][0] and _strip_title(token) in _EPITHET_TITLES and len(part) == 1 \
                and not is_title(part[0][1]) and _bare(part[0][1]) not in first_names():
            yield part + [(position, token)]  # "the Dark Lord", "the Red Queen": a title of one's own
            return
        if keep and is_title(token) and part and not is_title(part[-1][1]):
            yield from _named(part)  # "Miss Woodhouse Miss Taylor": two names side by side
            part = []
        if keep and _bare(token) in _PLACE_WORDS and part and not all(is_title(t) for _, t in part):
            part = []  # "Hartfield House", "McKinley High": an institution, not a person
            continue
        if keep:
            if part and part[-1][1] != _bare(part[-1][1]):
                yield from _named(part)
                part = []
            part.append((position, token))
            continue
        yield from _named(part)
        part = []


def _named(part: list[tuple[int, str]]) -> Iterator[list[tuple[int, str]]]:
    """The part as a name: trailing titles dropped; a lone title only when it can be a role or
    stand for one person ("Mademoiselle": ``_add_lone_titles``)."""
    if len(part) == 1 and _strip_title(part[0][1]) in _LONE_TITLES | ROLE_TITLES:
        yield part  # "the King", "the Doctor": kept if the text nearly always writes "the"
        return
    while part and is_title(part[-1][1]):
        part = part[:-1]
    if part and not all(is_title(t) for _, t in part):
        yield part


# --- 2. people ------------------------------------------------------------------------------------


def _ner_votes(text: str, doubtful: list[_Candidate], story_chars: int) -> dict[str, Counter[str]]:
    """PERSON / other votes from spaCy NER over a bounded sample of the sentences of each form whose
    cheap cues leave a doubt."""
    from .nlp import process

    snippets: list[tuple[int, str]] = []
    budget = min(SAMPLE_CHARS, int(SAMPLE_SHARE * story_chars))
    for candidate in sorted(doubtful, key=lambda c: -len(c.positions)):
        step = max(1, len(candidate.positions) // SAMPLES_PER_NAME)
        for position in candidate.positions[::step][:SAMPLES_PER_NAME]:
            start, end = _sentence_around(text, position)
            if budget < end - start:
                break
            budget -= end - start
            snippets.append((start, text[start:end]))
        if budget <= 0:
            break
    snippets.sort()
    merged: list[tuple[int, int]] = []
    for start, snippet in snippets:
        end = start + len(snippet)
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    if not merged:  # nothing in doubt (or no sentence fits the budget): spaCy need not even load
        return votes
    forms = {candidate.form for candidate in doubtful}
    docs = process([text[s:e] for s, e in merged])
    for doc in docs:
        for ent in doc.ents:
            form = " ".join(ent.text.split())
            form = re.sub(r"^(?:[Tt]he|[Oo]ld|[Yy]oung|[Pp]oor|[Dd]ear)\s+", "", form)
            form = _bare(form)
            names = {form, *_tokens(form)} if re.fullmatch(rf"{_WORD}(?:[ .]+{_WORD})*", form) else {form}
            for key in names & forms:
                votes[key]["PERSON" if ent.label_ == "PERSON" else
                           "other" if ent.label_ in _NOT_PERSON_LABELS else "skip"] += 1
    return votes


def _sentence_around(text: str, position: int) -> tuple[int, int]:
    """The sentence (at most 200 characters each way) a position is in; the text's start when
    no sentence ends before it."""
    breaks = (text.rfind(". ", max(0, position - 200), position), text.rfind("\n\n", 0, position))
    start = max([found + 2 for found in breaks if found >= 0] + [position - 200, 0])
    stop = [i for i in (text.find(". ", position, position + 200), text.find("\n\n", position,
                                                                             position + 200)) if i >= 0]
    return start, (min(stop) + 1 if stop else min(len(text), position + 200))


def _is_person(candidate: _Candidate, votes: Counter[str]) -> bool:
    """Weigh NER's votes with the cheap cues for a name form they leave in doubt (one
    ``_clear_without_ner`` has no answer for; see the module docstring)."""
    tokens = _tokens(candidate.form)
    titled = is_title(tokens[0])
    known_name = _known_name(candidate)
    occurrences = len(candidate.positions)
    person, other = votes["PERSON"], votes["other"]
    if titled or candidate.speech:  # a first name tagging speech twice is no date ("April said")
        return other <= 2 * person + 2 or known_name and candidate.speech >= 2 \
            or occurrences - candidate.initial >= RARE and not candidate.place \
            and candidate.the * 2 < occurrences  # '" said Turkey': NER reads a nickname as a country
    if occurrences < RARE and (candidate.place or other) and not (
            known_name or candidate.possessive or _mostly_acts(candidate) and person >= other):
        return False  # a rare word, once after "in"/"at" or not PERSON to NER, with no sign of a person
    if person + other:  # "to find Ren Okada asleep": a listed first name and a surname, mid-sentence
        return person >= other or (known_name and person * 2 >= other) or (
            known_name and len(tokens) > 1 and occurrences > candidate.initial and not candidate.place)
    return known_name and (occurrences > candidate.initial or len(tokens) > 1)


def _mostly_acts(candidate: _Candidate) -> bool:
    """Whether a name acts or tags speech at least twice, and in at least half the places it is written."""
    acting = candidate.acts + candidate.speech
    return acting >= ACTING_NAME and 2 * acting >= len(candidate.positions)


def _known_name(candidate: _Candidate) -> bool:
    tokens = _tokens(candidate.form)
    given = _bare(tokens[-1] if is_title(tokens[0]) else tokens[0])
    return given in first_names() or len(tokens) == 1 and bool(formal_names(given))  # "Kit"


def _clear_without_ner(candidate: _Candidate) -> bool | None:
    """Whether a name form names a person when its cues leave no doubt, whatever NER says (so NER
    need not read it); None when NER's votes are needed."""
    tokens = _tokens(candidate.form)
    occurrences = len(candidate.positions)
    if len(tokens) == 1 and is_title(tokens[0]):
        return candidate.the * 2 >= occurrences >= 3 and candidate.form in ROLE_TITLES
    if len(tokens) > 1 and not is_title(tokens[0]) and _bare(tokens[-1]) in _PLACE_WORDS:
        return False  # "Wuthering Heights"; but "Mrs. Hall" is a person
    if candidate.honorific or candidate.sends or candidate.subject_opening:
        return True  # "Iida-kun has been looking for you": a person, even opening every sentence
    if candidate.the * 2 >= occurrences and (candidate.form.endswith("s") or not candidate.speech):
        return False  # "the Lanterns", "the Loggia": a band, a family, a place; "said the Hatter" speaks
    titled = is_title(tokens[0])
    noninitial = occurrences - candidate.initial
    known_name = _known_name(candidate)
    if len(tokens) == 1 and noninitial < max(1, 0.05 * occurrences) and not _mostly_acts(candidate) and not (
            known_name and (candidate.speech or candidate.possessive or candidate.vocative
                            or candidate.acts)):
        return False  # "Damme", "Wow"; but a first name that speaks or acts may open every sentence it is in
    if candidate.speech >= max(3, 0.05 * occurrences) or candidate.kin or \
            candidate.bodily and candidate.acts and not candidate.place or \
            candidate.vocative >= (1 if known_name else 2) or \
            known_name and not noninitial and candidate.acts >= ACTING_NAME or \
            known_name and candidate.acts >= ACTING_ANYWHERE and not candidate.place:  # NER: "Ines" a place
        return True
    if candidate.place >= max(2, 0.25 * occurrences) and not titled:
        return False
    return None


# --- 3. clusters ----------------------------------------------------------------------------------


@dataclass
class _Form:
    form: str
    count: int
    title: str | None
    names: list[str]
    pronouns: Gender = "unknown"  # what the pronouns after it say (untitled names only)
    first: int = 0  # where the text first writes it

    @property
    def gender(self) -> Gender:
        """The title's gender, else the first name's (from the name lists), else the pronouns'."""
        if _title_gender(self.title) != "unknown":
            return _title_gender(self.title)
        if self.title is None or len(self.names) > 1 or self.title in _FIRST_NAME_TITLES:
            listed = _listed_gender(self.names)
            return listed if listed != "unknown" else self.pronouns
        return "unknown"


def _hint_name_genders(text: str, forms: list[_Form], people: dict[str, _Candidate],
                       quotes: list[tuple[int, int]]) -> None:
    """Give an untitled name whose first name is on no list ("Minnie Beebe", "Pontellier") the
    gender its pronouns show, so that clustering keeps "Mr. Beebe" apart from her, and a bare
    surname goes to the one of that gender; a full name its pronouns leave open, the one gender
    its first name has on its own, when its surname is worn by someone of that gender too
    ("Mr. Fielding" beside "Mrs. Fielding")."""
    boundaries = sorted(p for c in people.values() for p in c.positions)
    for form in forms:
        if form.title is None and form.gender == "unknown":
            spans = [(p, p + len(form.form)) for p in people[form.form].positions]
            form.pronouns = _pronoun_verdict(_pronoun_votes(text, spans, boundaries, quotes))
    alone: dict[str, set[Gender]] = defaultdict(set)  # a word written alone or titled -> its genders
    for form in forms:
        if len(form.names) == 1 and form.gender != "unknown":
            alone[form.names[0]].add(form.gender)
    for form in forms:  # "Cyril Fielding", written once: he, as "Cyril" and "Mr. Fielding" are
        if form.title is None and len(form.names) > 1 and form.gender == "unknown":
            first, last = alone.get(form.names[0], set()), alone.get(form.names[-1], set())
            if len(first) == 1 and first <= last:  # not "Hamidullah Begum", his wife
                form.pronouns = next(iter(first))


def _parse(form: str, count: int) -> _Form:
    tokens = [_bare(t) for t in _tokens(form)]
    title = _strip_title(tokens[0]) if len(tokens) > 1 and is_title(tokens[0]) else None
    names = [t for t in tokens[1 if title else 0:] if not is_title(t)] or tokens[-1:]
    return _Form(form, count, _filed(title) if title else None, names)


def _own_first_name(group: _Group, bare: Counter[str], by_first: dict[str, list[_Group]]) -> int:
    """How often the text uses the group's first name alone, when no other full name shares it."""
    first = _parse(group.aliases[0], 0).names[0]
    return bare[first] if len(by_first.get(first, ())) == 1 else 0


def _ranked(group: _Group) -> bool:
    """Whether a name of the group has a rank or office ("Colonel Campbell", "Captain Tilney")."""
    return any(_parse(alias, 0).title in _NEUTRAL_TITLES for alias in group.aliases)


def _written_with(group: _Group, title: str, surname: str | None = None) -> bool:
    """Whether the group is named with the title (with that surname, when given: "Miss Leslie"
    is no "Miss Oakley")."""
    return any((form := _parse(alias, 0)).title == title and (surname is None or form.names[-1] == surname)
               for alias in group.aliases)


def _title_gender(title: str | None) -> Gender:
    return "he" if title in _MALE_TITLES else "she" if title in _FEMALE_TITLES else "unknown"


def _titled_lady(group: _Group, surname: str) -> bool:
    """Whether a woman's title is written with ``surname`` for the group ("Miss Morland"): a woman
    so named is not the one a bare surname means, where a man shares it."""
    return any((form := _parse(alias, 0)).names == [surname] and _title_gender(form.title) == "she"
               for alias in group.aliases)


def _compatible(a: Gender, b: Gender) -> bool:
    return a == "unknown" or b == "unknown" or a == b


def _same_given_name(name: str, other: str) -> bool:
    """One first name, or one and its formal form ("Steve", "Steven")."""
    return name == other or other.lower() in formal_names(name) or name.lower() in formal_names(other)


def _cluster(forms: list[_Form]) -> list[_Group]:
    """Group name forms into characters.

    Full names ("Emma Woodhouse") seed groups; a titled full name joins the same
    names untitled. A titled surname ("Miss Woodhouse") joins the one full name
    of compatible gender with that surname (of several, the one written with that rank or
    office: "Captain Tilney" is "Captain Frederick Tilney"; but "Miss Bertram" is not "Miss Julia
    Bertram", whose first name tells her from her elder sister), unless several still compete,
    or the text
    also writes a full name with that title and surname in at least ``NAMESAKE_SHARE``
    of its uses (a rare "Mr. Dorian Gray" leaves "Mr. Gray" his): then apart for a
    male title when the text wrote the titled surname first ("Mr. John Knightley" keeps
    "Mr. Knightley" apart; "Mr. Thomas Marvel", then "Mr. Marvel", is a man introduced in
    full), apart for a female
    one when the titled surname is named more often than that full name and its
    own first name together ("Miss Bennet" is not "Miss Elizabeth Bennet"); never for a
    rank or office ("Captain Tilney" is "Captain Frederick Tilney"). Of several men of one
    surname, "Mr." goes to the one never named with a rank ("Mr. Tilney" is Henry, not
    Captain Frederick Tilney).
    "Miss"/"Lady"/"Sir" + a first name join the one full name with that first
    name, or the one of several written with that title ("Sir John Middleton").
    Each title stays apart ("Mrs. Bennet" is not "Miss Bennet"; "Dr. Grant" does not
    join the "Mrs. Grant" a woman's title started, though "Doctor Losberne" joins
    "Mr. Losberne"); a married title
    joins only a full name written with it ("Mrs. Maylie" is not "Rose Maylie"), a
    male title only one known to be a man's, by its first name, title or pronouns
    ("Mr. Beebe" is not "Minnie Beebe", his niece). A full name with a middle name is the one
    without it ("Steven Grant Rogers", Steve Rogers), and a double first name written alone is
    the full name it begins ("Big Jack", Big Jack Dunmore); neither makes the name fuller.
    A bare word joins the most mentioned group of compatible gender
    whose first name, then surname, it is (for a first name, the group most written in full with
    it: "John" is John Dashwood, not John Willoughby, who is "Willoughby"; for a surname, the group
    most named in full or with a title: "Oakley" is Maurice Oakley, not his brother, who is mostly
    "Frank"); a surname group of its very gender
    wins over a first name of unknown gender ("Hamidullah", he, is "Mr.
    Hamidullah", not "Hamidullah Begum").
    """
    groups: list[_Group] = []
    counts: dict[int, int] = defaultdict(int)

    def add(group: _Group, form: _Form, gender: Gender | None = None) -> None:
        group.aliases.append(form.form)
        counts[id(group)] += form.count
        if group.gender_hint == "unknown":
            group.gender_hint = gender or form.gender

    def new_group() -> _Group:
        groups.append(_Group(aliases=[]))
        return groups[-1]

    full: dict[tuple[str, ...], list[_Group]] = defaultdict(list)
    titled_full: Counter[tuple[str | None, str]] = Counter()
    introduced: dict[tuple[str | None, str], int] = {}  # where a titled full name is first written
    # how often each group is written in full with a first name, untitled: a bare "John" is John Dashwood
    # (named so 28 times), not John Willoughby (once), though Willoughby is named far more
    written_first: Counter[tuple[int, str]] = Counter()
    # a full name the text also writes with a title of one gender is of that gender, whatever the
    # name lists say of its first name ("Master Charley Bates": Charley Bates is a boy)
    titled_genders: dict[tuple[str, ...], set[Gender]] = defaultdict(set)
    for form in forms:
        if len(form.names) > 1 and _title_gender(form.title) != "unknown":
            titled_genders[tuple(form.names)].add(_title_gender(form.title))
    # a full name with a middle name is the one without it ("Steven Grant Rogers" is Steve Rogers),
    shorter = {tuple(f.names) for f in forms if len(f.names) == 2}
    middle = {names: next(iter(fits)) for f in forms if len(names := tuple(f.names)) == 3 and len(
        fits := {k for k in shorter if k[1] == names[2] and _same_given_name(k[0], names[0])}) == 1}
    # and a double first name written alone is the full name it begins: "Big Jack" is Big Jack Dunmore
    longer = {tuple(f.names) for f in forms if len(f.names) == 3} - set(middle)
    middle.update({names: next(iter(fits)) for names in shorter if len(
        fits := {k for k in longer if k[:2] == names}) == 1})
    for form in sorted((f for f in forms if len(f.names) > 1), key=lambda f: (f.title is not None, -f.count)):
        key = middle.get(tuple(form.names), tuple(form.names))
        worn = titled_genders.get(key, set())
        gender = next(iter(worn)) if not form.title and len(worn) == 1 else form.gender
        same = [g for g in full[key] if _compatible(g.gender_hint, gender)]
        group = same[0] if same else new_group()
        if not same:
            full[key].append(group)
        add(group, form, gender)
        if not form.title:
            written_first[id(group), form.names[0]] += form.count
        if form.title:
            title_and_surname = (form.title, form.names[-1])
            titled_full[title_and_surname] += form.count
            introduced[title_and_surname] = min(form.first, introduced.get(title_and_surname, form.first))
    by_surname: dict[str, list[_Group]] = defaultdict(list)
    by_first: dict[str, list[_Group]] = defaultdict(list)
    # "Mrs. James Cooper" wears her husband's first name: a bare "James" is not hers
    husbands = {tuple(f.names) for f in forms if len(f.names) > 1 and f.title in _MARRIED_TITLES
                and _name_genders().get(f.names[0]) == "he"}
    husbands -= {tuple(f.names) for f in forms if len(f.names) > 1 and f.title not in _MARRIED_TITLES}
    for key, namesakes in full.items():
        by_surname[key[-1]].extend(namesakes)
        if key not in husbands:
            by_first[key[0]].extend(namesakes)
    bare = Counter({f.names[0]: f.count for f in forms if len(f.names) == 1 and not f.title})
    titled: dict[tuple[str, str], _Group] = {}
    her_title: dict[int, str] = {}  # groups a woman's titled surname started: "Dr. Grant" is not "Mrs. Grant"
    for form in sorted((f for f in forms if len(f.names) == 1 and f.title), key=lambda f: -f.count):
        word, title = form.names[0], form.title or ""
        if len(word) == 1:  # "Mr. E." is Mr. Elton when he is the one "Mr." with an E
            initialled = {id(group): group for (other, name), group in titled.items()
                          if other == title and len(name) > 1 and name.startswith(word)}
            if len(initialled) == 1:
                titled[(title, word)] = next(iter(initialled.values()))
        if (title, word) not in titled:
            hers = _title_gender(title) == "she"
            fitting = [g for g in by_surname.get(word, []) if (hers or id(g) not in her_title)
                       and _compatible(g.gender_hint, form.gender)
                       and not (hers and g.gender_hint != "she" and _ranked(g))  # "Miss Campbell" no Colonel
                       and (title not in _MARRIED_TITLES or _written_with(g, title))
                       and (title not in _MALE_TITLES or g.gender_hint == "he")]
            if title == "Miss" and len(fitting) == 1 and (
                    her_title.get(id(fitting[0])) in _MARRIED_TITLES or _written_with(fitting[0], "Lady")):
                fitting = []  # "Miss Honeychurch" is no "Mrs. Honeychurch", "Miss Vane" no "Lady Agatha"
            ranked = [g for g in fitting if _written_with(g, title)] if title in _NEUTRAL_TITLES else []
            if len(fitting) > 1 and len(ranked) == 1:
                fitting = ranked  # "Captain Frederick Tilney"
            if len(fitting) > 1 and title in _MALE_TITLES:  # "Mr. Tilney" is Henry, not Captain Tilney
                unranked = [g for g in fitting if not _ranked(g)]
                fitting = unranked if len(unranked) == 1 else fitting
            namesake = (title, word) in titled_full and len(fitting) == 1 and title not in _NEUTRAL_TITLES \
                and titled_full[(title, word)] >= NAMESAKE_SHARE * counts[id(fitting[0])] and (
                    form.first < introduced[(title, word)] if title in _MALE_TITLES
                    else form.count > counts[id(fitting[0])] + _own_first_name(fitting[0], bare, by_first))
            if namesake or len(fitting) != 1:
                fitting = [g for g in by_first.get(word, []) if _compatible(g.gender_hint, form.gender)]
                fitting = [g for g in fitting if _written_with(g, title)] if len(fitting) > 1 else fitting
                fitting = fitting if len(fitting) == 1 and title in _FIRST_NAME_TITLES else []
            titled[(title, word)] = fitting[0] if fitting else new_group()
            if not fitting:
                by_surname[word].append(titled[(title, word)])
                if hers:
                    her_title[id(titled[(title, word)])] = title
        add(titled[(title, word)], form)
    formal = dict(counts)  # full and titled names only: a bare surname is the one named formally
    full_named = {id(g) for namesakes in full.values() for g in namesakes}
    for form in sorted((f for f in forms if len(f.names) == 1 and not f.title), key=lambda f: -f.count):
        word = form.names[0]
        named = by_first.get(word) or by_surname.get(word) or []
        if by_first.get(word) and max((formal.get(id(g), 0) for g in by_surname.get(word, [])), default=0) \
                >= SURNAME_LEAD * (1 + max(formal.get(id(g), 0) for g in by_first[word])):
            named = by_surname[word]  # "Weston" is Mr. Weston, not the "F. C. Weston Churchill" of a letter
        if form.gender != "unknown" and all(g.gender_hint != form.gender for g in named):
            named = [g for g in by_surname.get(word, []) if g.gender_hint == form.gender] or named
        fitting = [g for g in named if _compatible(g.gender_hint, form.gender)] or named
        first = word in by_first
        men = {id(g): g for g in fitting if g.gender_hint == "he" and id(g) in full_named}
        if men and not first and all(id(g) in men or _titled_lady(g, word) for g in fitting):
            fitting = list(men.values())  # "said Morland" is James Morland; his sister "Miss Morland"
        if fitting:  # "Oakley" is Maurice Oakley (25 in full), not Frank (54 as "Frank")
            add(max(fitting, key=lambda g: (written_first.get((id(g), word), 0), counts[id(g)]) if first
                    else (formal.get(id(g), 0), counts[id(g)])), form)
            continue
        group = new_group()
        by_first[word].append(group)
        add(group, form)
    # a middle name makes no fuller name: "Steve Rogers", not "Steven Grant Rogers"
    form_counts = {f.form: (min(len(f.names), 2) if tuple(f.names) in middle else len(f.names),
                            len(f.names) > 1 and f.title is None, f.count, -len(f.names)) for f in forms}
    for group in groups:
        group.name = max(group.aliases, key=lambda a: form_counts[a])
    return groups


def _parts_are(form: str, people: dict[str, bool | None], lower: Counter[str]) -> bool:
    """Whether an untitled full name's every word is on its own a person ("Cyril Fielding"), or all
    but a last word the story never writes in lower case are, together ("Big Jack" of "Big Jack
    Dunmore"; not the "Mock Turtle" of "Mock Turtle Soup")."""
    tokens = _tokens(form)
    last = _bare(tokens[-1])
    return len(tokens) > 1 and not is_title(tokens[0]) and (
        all(people.get(token) for token in tokens)
        or len(tokens) > 2 and bool(people.get(" ".join(tokens[:-1]))) and not lower[last.lower()]
        and last not in _PLACE_WORDS)


_LIST_JOIN = r"[ \t]*(?:,[ \t]*\n?[ \t]*(?:and[ \t]+)?|\n?[ \t]*and[ \t]*\n?[ \t]*)"  # ", ", " and ", ", and"
_LISTED_AFTER = re.compile(rf"{_LIST_JOIN}([A-Z][\w'’-]*)")
_LISTED_BEFORE = re.compile(rf"([A-Z][\w'’-]*){_LIST_JOIN}$")


def _listed_with_a_person(text: str, candidate: _Candidate, person: dict[str, bool | None]) -> bool:
    """Whether a name stands in a list beside a one-word name that is a person ("Eliza, John, and
    Georgiana", "Sam and Dean"), not "Harry and Hogwarts"."""
    end_of = len(candidate.form)
    for position in candidate.positions:
        after = _LISTED_AFTER.match(text, position + end_of)
        before = _LISTED_BEFORE.search(text, max(0, position - 40), position)
        if after and person.get(_bare(after.group(1))) or before and person.get(_bare(before.group(1))):
            return True
    return False


def _discover(text: str, ranges: list[tuple[int, int]], quotes: list[tuple[int, int]],
              senders: frozenset[int], words: int) -> list[_Group]:
    candidates, lower = _candidates(text, ranges, quotes, senders)
    story_chars = sum(b - a for a, b in ranges)
    clear = {form: _clear_without_ner(candidate) for form, candidate in candidates.items()}
    for name in candidates:  # "Cyril Fielding", written once: "Cyril" and "Fielding" are people
        if clear[name] is None and _parts_are(name, clear, lower):
            clear[name] = True
    doubtful = [candidate for candidate in candidates.values() if clear[candidate.form] is None]
    votes = _ner_votes(text, doubtful, story_chars)
    person = {form: clear[form] if clear[form] is not None else _is_person(c, votes.get(form, Counter()))
              for form, c in candidates.items()}
    for candidate in doubtful:  # "Severus Snape", once, where NER read only "Severus" and "Snape"
        person[candidate.form] = person[candidate.form] or _parts_are(candidate.form, person, lower)
    starts = sorted(p for c in candidates.values() for p in c.positions)
    for candidate in doubtful:  # "Bakugou scowled. He ...": NER reads many such names as things
        if not person[candidate.form] and _mostly_acts(candidate):
            spans = [(p, p + len(candidate.form)) for p in candidate.positions]
            person[candidate.form] = bool(candidate.speech) or \
                sum(_pronoun_votes(text, spans, starts, quotes).values()) >= PRONOUN_PERSON
    # the people found so far, by their first names; not a word NER alone calls a person, which does
    # nothing a person does ("Hogwarts", "Arithmancy")
    listed_at = {p: _name_genders().get(_tokens(c.form)[0], "unknown") for c in candidates.values()
                 if person[c.form] and (c.acts or c.speech or c.possessive or c.vocative or _known_name(c)
                                        or is_title(_tokens(c.form)[0]))
                 for p in c.positions}
    listed_starts = sorted(listed_at)
    for candidate in doubtful:  # "Ysolde sat down.\n\n"There you are!" she said.": the one who speaks
        if not person[candidate.form] and candidate.acts and not candidate.place \
                and candidate.the * 2 < len(candidate.positions):  # a name, not "the Magistrate"
            ends = [p + len(candidate.form) for p in candidate.positions]
            line = _next_line_pronoun(text, quotes, ends, listed_at, listed_starts)
            person[candidate.form] = line is not None
    for candidate in doubtful:  # "Mateo leaned toward Kasia. "Laps, isn't it?"": a first name's own beat
        if not person[candidate.form] and candidate.acts and _known_name(candidate) and not candidate.place:
            person[candidate.form] = any(_beats_own_line(text, quotes, p + len(candidate.form), listed_starts)
                                         for p in candidate.positions)
    for candidate in doubtful:  # "Eliza, John, and Georgiana": a first name listed with a person is one
        if not person[candidate.form] and _known_name(candidate) and not candidate.place:  # not "India"
            person[candidate.form] = _listed_with_a_person(text, candidate, person)
    people = [c for c in candidates.values() if person[c.form]]
    chosen = {c.form for c in people}
    parts = {name for c in people if len(names := _parse(c.form, 0).names) > 1 for name in names}
    people += [candidates[form] for form in sorted(parts - chosen)  # "Nora" of "Nora Vance"
               if form in candidates]
    forms = [replace(_parse(c.form, len(c.positions)), first=min(c.positions, default=0)) for c in people]
    named: Counter[str] = Counter()
    for form in forms:
        named.update(dict.fromkeys(form.names, form.count))
    forms = [f for f in forms if not _is_family(f, named)]
    _hint_name_genders(text, forms, {c.form: c for c in people}, quotes)
    forms += _sharing_a_surname(text, ranges, forms)
    groups = _link_short_names(text, candidates, lower, quotes,
                               _link_nicknames(text, ranges, _cluster(forms)))
    groups = _join_pet_full_names(text, candidates, groups)
    _add_lone_titles(candidates, lower, groups)
    usually_the = {c.form for c in people if c.the * 2 >= len(c.positions)}
    for group in groups:
        if group.name in usually_the:
            group.name = f"the {group.name}"  # "the Hatter": what the text calls them
    groups += _introduced_in_quotes(text, quotes, groups, lower)
    described = _described_speakers(text, ranges)
    if words < INERT_WORDS:  # a novel's "the king" is as often history's
        _add_ranks(text, candidates, groups, {alias for group in described for alias in group.aliases})
    return groups + described + _reader(text, ranges)


_TWO_FIRST_NAMES = re.compile(r"\b([A-Z][\w'\u2019-]*)[ \t]+and[ \t]+([A-Z][\w'\u2019-]*)"
                              r"[ \t]+([A-Z][\w'\u2019-]*)\b")


def _sharing_a_surname(text: str, ranges: list[tuple[int, int]], forms: list[_Form]) -> list[_Form]:
    """"Sam and Dean Winchester", "Fred and George Weasley": the first of two first names before
    one surname has that surname too, as if written "Sam Winchester" (once), when it is a known
    first name the text writes on its own and in no full name ("Emma and Harriet Smith" is no Emma
    Smith where Emma Woodhouse is named)."""
    untitled = {f.form for f in forms if f.title is None}
    in_full = {name for f in forms if len(f.names) > 1 for name in f.names}
    added: dict[str, _Form] = {}
    for a, b in ranges:
        for m in _TWO_FIRST_NAMES.finditer(text, a, b):
            first, second, surname = m.groups()
            full = f"{first} {surname}"
            if first in untitled and first not in in_full and first in first_names() \
                    and f"{second} {surname}" in untitled and len({first, second, surname}) == 3:
                added.setdefault(full, _Form(full, 1, None, [first, surname], first=m.start()))
    return list(added.values())


READER = "Y/N"  # the name a reader-insert story leaves for its reader to fill in
_READER_NAME = re.compile(r"(?<![\w/])[Yy]/[Nn](?![\w/])")


def _reader(text: str, ranges: list[tuple[int, int]]) -> list[_Group]:
    """The reader of a reader-insert story, whose name the text leaves for them to fill in:
    "Y/N" ("your name"; also "y/n", "(Y/N)"), when written at least ``MIN_MENTIONS`` times."""
    written = Counter(m.group() for a, b in ranges for m in _READER_NAME.finditer(text, a, b))
    if sum(written.values()) < MIN_MENTIONS:
        return []
    return [_Group(aliases=[READER, *written], name=READER)]


def _join_described(groups: list[_Group]) -> None:
    """A title on its own ("the general", "the Major") joins the kept character named with that
    title ("General Tilney", "Major Callendar") when there is one, or when one is named
    ``TITLE_HOLDER_LEAD`` times as often as any other (Major Callendar, not Major Roberts, who
    is named twice). Otherwise each of its mentions goes to the one holder named within
    ``LINK_WINDOW`` of it ("the duchess" of one dinner and of another; a given cast's "The
    Doctor" of one chapter is "Doctor Losberne" of a later one); the rest, and other
    descriptions, stay with the description."""
    by_title: dict[str, list[_Group]] = defaultdict(list)
    for group in groups:
        for title in {title for alias in group.aliases if (title := _parse(alias, 0).title)}:
            by_title[title].append(group)
    own = {id(h): sorted(h.spans) for holders in by_title.values() for h in holders}
    for group in groups:
        words = group.name.split()  # "the Major", "the good doctor"; not "the man with the beard"
        headed = len(words) <= 2 or len(words) == 3 and bool(re.fullmatch(_DESCRIBED_ADJECTIVES, words[1]))
        lone_title = headed and (_is_description(group) or bool(group.aliases)
                                 and all(is_title(a) for a in group.aliases))
        word = words[-1].capitalize()
        holders = by_title.get(_filed(word), []) if lone_title else []
        holders = sorted((h for h in holders if h is not group), key=lambda h: -len(h.spans))
        if holders and group.cast is None and (
                len(holders) == 1 or len(holders[0].spans) >= TITLE_HOLDER_LEAD * len(holders[1].spans)):
            holders[0].aliases.extend(group.aliases)
            holders[0].spans.extend(group.spans)
            group.spans = []
        elif holders:
            group.spans = _hand_over(group.spans, [(h, own[id(h)]) for h in holders])


# "the", "a", "the queen's", "Duluth's", "her"
_OWNER = r"(?:(?:the|an?|his|her|their|[A-Z][\w'\u2019-]*['\u2019]s)(?:[ \t]+[a-z]+['\u2019]s)?)"
_LISTED = re.compile(r",[ \t]*$")  # a name after a comma: one of a list
_ROLE_END = r"(?![\w'\u2019-])"  # "captain", not "captain's" or "captaincy"
# "Merel Tanaquil, the queen's spymaster, ..." (not a list's "Ines, Tariq, the medic, and Bo") or
# "Marcus Oyelaran had been captain of the Ironhawks", "Caelia Aurenne did not look like a princess"
_ROLE_AFTER_NAME = (r",[ \t]+{owner}(?:[ \t]+[a-z]+)?[ \t]+{role}" + _ROLE_END +
                    r"(?=[ \t]*[.;:!?]|[ \t]*,(?![ \t]*(?:and|or)\b)|[ \t]+who\b)"
                    r"|[ \t]+(?:had[ \t]+been|has[ \t]+been|was|is|became"
                    r"|(?:did[ \t]+not[ \t]+|didn['\u2019]t[ \t]+)?(?:look|looked|seem|seemed)[ \t]+like)"
                    r"[ \t]+(?:{owner}[ \t]+)?"
                    r"(?:[a-z]+[ \t]+)?{role}" + _ROLE_END)
# "The captain, Marcus, ...", "The ship's engineer, Kit Varga,", "The suspect, a man named Terrence
# Voigt,": opening its sentence (not "On the way to the captain, Ines stopped")
_ROLE_BEFORE_NAME = (r"(?:^|[.!?][\"\u201d]?[ \t]+|\n[ \t]*)(?:(?i:t)he(?:[ \t]+[a-z]+(?:['\u2019]s)?)?"
                     r"|[A-Z][\w'\u2019-]*['\u2019]s)[ \t]+{role},[ \t]+"
                     r"(?:an?[ \t]+(?:[a-z]+[ \t]+){{0,2}}?(?:named|called)[ \t]+)?$")


def _join_roles(text: str, quotes: list[tuple[int, int]], groups: list[_Group],
                kept: list[_Group]) -> list[_Group]:
    """A role kept as a person of its own ("the captain", "the medic") is the one named character
    the narration says holds it, in apposition or with a copula ("Ines Moreau had been captain of
    the Harriers", "Tariq Sayed, the squad's medic,", "The captain, Ines, ..."), even one named
    only there: fan fiction names its people once and then calls them by their job."""
    named = [g for g in groups if not _is_description(g) and g.spans]
    for i, role_group in enumerate(kept):  # described groups are found only without a given cast
        words = role_group.name.split()
        if not role_group.described or len(words) != 2 and not _SET_APART.fullmatch(" ".join(words[1:])):
            continue
        role = r"[ \t]+".join(map(re.escape, words[1:]))  # "the medic", "the tall one"
        links = re.compile(_ROLE_AFTER_NAME.format(owner=_OWNER, role=role)), \
            re.compile(_ROLE_BEFORE_NAME.format(role=role))
        holders = {id(g): g for g in named if _compatible(g.gender, role_group.gender)
                   and _said_to_hold(text, quotes, g, *links)}
        if len(holders) == 1:
            holder = next(iter(holders.values()))
            _absorb(holder, role_group)
            if holder.gender == "unknown":
                holder.gender = role_group.gender
            if not any(g is holder for g in kept):
                kept[i] = holder
    return kept


def _said_to_hold(text: str, quotes: list[tuple[int, int]], group: _Group,
                  after: re.Pattern[str], before: re.Pattern[str]) -> bool:
    """Whether the narration, beside one of the group's names, says it holds a role: the role
    named right ``after`` the name ("Ines Moreau, the medic,") or right ``before`` it."""
    return any(not _inside(quotes, s) and bool(
        after.match(text, e, e + 80) and not _LISTED.search(text, max(0, s - 4), s)
        or before.search(text, max(0, s - 60), s)) for s, e in group.spans)


def _join_married(text: str, groups: list[_Group]) -> None:
    """A married title on its own ("Mrs. Pontellier") is the one woman named in full with that
    surname ("Edna Pontellier") when she is never "Miss" with it (Rose Maylie is "Miss Maylie", so
    "Mrs. Maylie" is her aunt; but a servant's "Miss Leslie" is Mrs. Oakley), the text uses both
    names often (Lilia Theobald's mother, "Mrs. Theobald", comes up now and then) and the two
    share few sentences: two people meet in sentences ("Mrs. Weasley hugged Ginny"), two names of
    one person seldom do."""
    women: dict[str, list[_Group]] = defaultdict(list)
    for group in groups:
        if group.gender == "she" and group.cast is None and not _is_description(group):
            for surname in {form.names[-1] for a in group.aliases + [group.name]
                            if len((form := _parse(a, 0)).names) > 1 or form.title}:
                women[surname].append(group)

    def married_only(group: _Group) -> str | None:
        """The surname of a group only ever called by a married title and it ("Mrs. Pontellier"),
        or by the surname alone."""
        forms = [_parse(a, 0) for a in {group.name, *group.aliases}]
        names = {tuple(f.names) for f in forms}
        if len(names) != 1 or len(surname := next(iter(names))) != 1 \
                or not all(f.title in _MARRIED_TITLES or f.title is None for f in forms) \
                or not any(f.title in _MARRIED_TITLES for f in forms):
            return None
        return surname[0]

    for group in groups:
        hers = married_only(group)
        if group.cast is not None or len(group.spans) < MARRIED_EVIDENCE or hers is None:
            continue
        others = [g for g in women.get(hers, []) if not married_only(g)]
        if len(others) != 1 or len(group.spans) < MARRIED_SHARE * len(others[0].spans) \
                or any(_written_with(others[0], title) for title in _MARRIED_TITLES) \
                or _written_with(others[0], "Miss", hers):
            continue
        if _seldom_together(text, group, others[0]):
            _absorb(others[0], group)


def _seldom_together(text: str, group: _Group, other: _Group) -> bool:
    """Whether at most ``SHARED_SENTENCES`` of the group's sentences also name the other: two
    people meet in sentences ("Mrs. Weasley hugged Ginny"), two names of one person seldom do."""
    theirs = sorted(s for s, _ in other.spans)
    shared = 0
    for start, _ in group.spans:
        a, b = _sentence_around(text, start)
        shared += bisect_left(theirs, b) > bisect_left(theirs, a)
    return shared <= SHARED_SENTENCES * len(group.spans)


def _absorb(group: _Group, other: _Group) -> None:
    """The other group's names and mentions are the group's; the other is left empty."""
    group.aliases.extend(a for a in other.aliases if a not in group.aliases)
    group.spans.extend(other.spans)
    other.aliases, other.spans = [], []


def _join_answering(groups: list[_Group], answers: _Answers) -> None:
    """A description that answers to a name is that person: '"..., Basil?" / "...," answered the
    painter', or that is answered by it: '"...," said the painter. / "My dear Basil, ..."'. The
    quotes in the paragraphs before and after the one a description's speech tag follows vote
    for the names they call; its own quote votes against the names it calls. When, within
    ``LINK_WINDOW`` of a named character's own mentions, that character has ``ANSWER_VOTES``
    votes, twice the votes against and twice all other votes there together, the description's
    mentions near them go to them ("the duchess" of one chapter answers to "Gladys"; the
    duchess of another chapter, to nobody). A capitalised epithet ("the Texan") must also seldom
    share a sentence with the name: "the Invisible Man" talks with Kemp, and is not him."""
    named = answers.named
    for group in filter(_is_description, groups):
        votes, against = answers.of(group)
        holders = []
        for best in {i for _, i in votes}:
            own = sorted(named[best].spans)
            near = Counter(i for where, i in votes if _distance(own, where) <= LINK_WINDOW)
            opposed = sum(i == best and _distance(own, where) <= LINK_WINDOW for where, i in against)
            if near[best] >= max(ANSWER_VOTES, 2 * opposed, 2 * (sum(near.values()) - near[best])) and (
                    group.described or _seldom_together(answers.text, group, named[best])):
                holders.append((named[best], own))
        if holders:
            before = {id(holder): len(holder.spans) for holder, _ in holders}
            group.spans = _hand_over(group.spans, holders)
            for holder, _ in holders:  # "Gladys", only ever called, is the duchess: a she
                if holder.gender == "unknown" and len(holder.spans) > before[id(holder)]:
                    holder.gender = group.gender


def _join_called_titles(answers: _Answers) -> None:
    """A titled surname that answers as one named character is that character ('"Miss
    Dashwood?" / "...," said Elinor'), as for descriptions (``_join_answering``), when the two
    seldom share a sentence: in Pride and Prejudice, Lady Catherine calls Elizabeth "Miss
    Bennet", but the narration's Miss Bennet is Jane, named beside Elizabeth."""
    named = answers.named
    answering: dict[int, Counter[int]] = defaultdict(Counter)  # called -> who answers to it
    opposing: dict[int, Counter[int]] = defaultdict(Counter)
    for g, group in enumerate(named):
        votes, against = answers.of(group)
        for _, called in votes:
            answering[called][g] += 1
        for _, called in against:
            opposing[called][g] += 1
    for t, title in enumerate(named):
        forms = [_parse(a, 0) for a in {title.name, *title.aliases}]
        answerers = answering[t]
        chosen = max((g for g in answerers if g != t), key=lambda g: answerers[g], default=None)
        if chosen is None or not title.spans or not all(f.title and len(f.names) == 1 for f in forms):
            continue
        others = sum(answerers.values()) - answerers[chosen]
        if named[chosen].spans and _compatible(named[chosen].gender, title.gender) \
                and answerers[chosen] >= max(ANSWER_VOTES, 2 * opposing[t][chosen], 2 * others) \
                and _seldom_together(answers.text, title, named[chosen]):
            _absorb(named[chosen], title)


class _Answers:
    """Which named characters the quotes around a speech tag call: '"..., Basil?" / "...,"
    answered the painter' (the quote before), '"...," said the painter. / "My dear Basil"' (the
    quote after), and its own quote, which calls someone else."""

    def __init__(self, text: str, quotes: list[tuple[int, int]], groups: list[_Group]) -> None:
        self.text, self.quotes = text, quotes
        self.named = named = [g for g in groups if not _is_description(g)]
        self.paragraph_break = "\n\n" if "\n\n" in text else "\n"
        self.called = sorted((s, i) for i, g in enumerate(named) for s, e in g.spans if _inside(quotes, s)
                             and _CALLED.search(text, max(0, s - 7), s) and _CALLED_END.match(text, e))
        self.starts = [s for s, _ in self.called]

    def _called_in(self, quote: tuple[int, int]) -> set[int]:
        first, last = bisect_right(self.starts, quote[0]), bisect_right(self.starts, quote[1])
        return {i for _, i in self.called[first:last]}

    def of(self, group: _Group) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
        """(where, called) for the quotes around the group's speech tags, and for its own quotes."""
        text, quotes = self.text, self.quotes
        votes: list[tuple[int, int]] = []
        against: list[tuple[int, int]] = []
        for start, _ in group.spans:
            q = _tagged_quote(text, quotes, start)
            if q is not None and q >= 1 and "\n" in text[quotes[q - 1][1]:quotes[q][0]]:
                votes += [(start, i) for i in self._called_in(quotes[q - 1])]
                against += [(start, i) for i in self._called_in(quotes[q])]
                if q + 1 < len(quotes) and self.paragraph_break in text[quotes[q][1]:quotes[q + 1][0]]:
                    votes += [(start, i) for i in self._called_in(quotes[q + 1])]
        return votes, against


def _is_description(group: _Group) -> bool:
    """"the stranger", a capitalised word the text mostly writes after "the" ("the Texan", "the
    Jew"), or a given cast's "The Doctor": a description, not a name."""
    return group.described or group.cast is None and group.name.startswith("the ") \
        or group.cast is not None and _describes(group.cast)


def _describes(member: CastMember) -> bool:
    """A cast member known only by a description ("The Doctor"), not a name."""
    return all(alias.split()[0].lower() == "the" for alias in [member.name, *member.aliases])


def _hand_over(spans: list[tuple[int, int]],
               holders: list[tuple[_Group, list[tuple[int, int]]]]) -> list[tuple[int, int]]:
    """Give each span to the one holder with an own mention (sorted, given beside it) within
    ``LINK_WINDOW`` of it; return the spans near no holder or near several (which one: unknown)."""
    kept = []
    for span in spans:
        near = [h for h, own in holders if _distance(own, span[0]) <= LINK_WINDOW]
        if len(near) == 1:
            near[0].spans.append(span)
        else:
            kept.append(span)
    return kept


def _distance(spans: list[tuple[int, int]], position: int) -> float:
    """From ``position`` to the nearest of sorted ``spans`` (infinite when there are none)."""
    i = bisect_right(spans, (position, position))
    return min((abs(spans[j][0] - position) for j in (i - 1, i) if 0 <= j < len(spans)), default=math.inf)


def _described_speakers(text: str, ranges: list[tuple[int, int]]) -> list[_Group]:
    """Speakers the text only describes: "the stranger", "the first policeman", when a speech
    tag beside a quotation names them at least ``DESCRIBED_TAGS`` times ("…," said the
    stranger / "…" The stranger nodded). A description as common as "the boy" (or "the little
    man": any adjective) needs only one tag, but it is ``generic``: it stays only if no named
    character could be that person (``_drop_generic``)."""
    tags: Counter[tuple[str, str, str]] = Counter()
    for a, b in ranges:
        for m in _DESCRIBED_TAG.finditer(text, a, b):
            first = next(k for k in (0, 3, 6) if m.group(k + 2))  # the alternative that matched
            adjective, noun, after = m.groups()[first:first + 3]
            person_noun = _PERSON_NOUN_AFTER.match(text, m.end(first + 2))
            if person_noun and "-" not in noun:
                continue  # "said the irritable old gentleman": "irritable" names no one
            if person_noun:  # "said the hump-backed man": the compound and its noun together
                noun = " ".join([noun, *person_noun.group(0).split()])
            after = " ".join(after.split()) if after and after.split()[-1] not in _NOT_DISTINGUISHING else ""
            tags[(adjective or "", noun, after)] += 1
    introduced = set()  # "A nurse put her head round the curtain. "...": someone new, who speaks
    genders: dict[str, Gender] = {}  # what a role's introduction says they are: "the cashier is a girl"

    def introduce(key: tuple[str, str, str]) -> None:  # as sure as tags twice: someone of the story
        tags[key] = max(tags[key], DESCRIBED_TAGS)
        introduced.add(key)

    for a, b in ranges:
        for m in _INDEFINITE_BEAT.finditer(text, a, b):
            if m.group(2) in person_word_genders() and m.group(2) not in _NOT_DESCRIPTIONS:
                introduce((m.group(1) or "", m.group(2), ""))
        for m in (*_ROLE_BEAT.finditer(text, a, b), *_ROLE_BEAT_BEFORE.finditer(text, a, b)):
            if m.group(2) in ROLE_NOUNS:
                tags[(m.group(1) or "", m.group(2), "")] += 1
        for m in _ROLE_ARRIVES.finditer(text, a, b):
            if m.group(2) in ROLE_NOUNS:
                introduce((m.group(1) or "", m.group(2), ""))
        for m in (*_ROLE_INTRODUCED.finditer(text, a, b), *_ROLE_APPOSITION.finditer(text, a, b)):
            if m.group(1) not in _NOT_DESCRIPTIONS and m.group(1) not in _GENERIC_PEOPLE:
                introduce(("", m.group(1), ""))
                genders[m.group(1)] = person_word_genders().get(m.group(2), "unknown")
    phrases: dict[str, bool] = {}  # phrase -> generic
    new: set[str] = set()  # the phrases someone new is introduced by ("A nurse")
    for key, count in tags.items():
        generic = not key[2] and key[1] in _GENERIC_PEOPLE  # "the boy", "the little man"
        if (generic or count >= DESCRIBED_TAGS) and (key[1] not in _NOT_DESCRIPTIONS or _SET_APART.fullmatch(
                " ".join(key[:2]))) \
                and not EPITHETS & set(key[:2]) \
                and not re.fullmatch(_DESCRIBED_ADJECTIVES, key[1]):  # "said the old Jew"
            phrase = " ".join(w for w in key if w)
            phrases[phrase] = phrases.get(phrase, True) and generic
            if key in introduced:
                new.add(phrase)
    groups = []
    for phrase, generic in phrases.items():
        aliases = [f"the {phrase}", f"The {phrase}"]
        if phrase in new:  # its mention is the beat's own "A nurse"
            aliases.append(f"{'An' if phrase[0] in 'aeiou' else 'A'} {phrase}")
        groups.append(_Group(aliases=aliases, name=f"the {phrase}", described=True, generic=generic,
                             introduced=phrase in new, gender_hint=genders.get(phrase, "unknown")))
    return groups


def _drop_generic(text: str, quotes: list[tuple[int, int]], groups: list[_Group],
                  narrator: _Group | None) -> list[_Group]:
    """Keep a generic description ("the boy") only when no other character could be that person:
    none has its gender or an unknown one (a first-person narrator aside), or each one named
    around its tags is seen talking with it (``_talks_with_everyone``). In a story that names
    no boy, "the boy" is a character; where Oliver is named, "the boy" is a way to say Oliver, and
    "the man" may be "the stranger"; but "said the old man" answered by "Tomas said" is not Tomas."""
    named = [g for g in groups if not g.generic and g is not narrator]
    taggers = _taggers(text, quotes, groups)

    def stays(group: _Group) -> bool:
        alike = [n for n in named if n.gender in (group.gender, "unknown")]
        return not alike or _talks_with_everyone(text, group, alike, quotes, taggers)

    return [g for g in groups if not g.generic or stays(g)]


def _name_the_described(quotes: list[tuple[int, int]], groups: list[_Group],
                        kept: list[_Group]) -> list[_Group]:
    """A generic description kept as a person of its own ("the old man") is the one name written
    once, in the narration and with a title or in full, within ``CONVERSATION_REACH`` before its
    first mention, when that name has no other mention and is the only such name of a fitting
    gender there ("Mr. Abernathy had run the ferry for forty years ... "You're late," said the
    old man."); so is a role ("the queen") the one name written once with it as a title ("Queen
    Isolde sat very straight")."""
    staying = {id(group) for group in kept}
    dropped = [g for g in groups if len(g.spans) == 1 and id(g) not in staying]
    for i, described in enumerate(kept):
        words = described.aliases[0].split() if described.described and described.aliases else []
        role = words[-1].lower() if len(words) == 2 and words[0].lower() == "the" else ""
        if not (described.generic or role) or not described.spans:
            continue
        start = min(described.spans)[0]
        introduced = [g for g in dropped if (_is_full_or_titled(g) if described.generic
                                             else g.aliases[0].split()[0].lower() == role)
                      and 0 < start - g.spans[0][0] <= CONVERSATION_REACH
                      and not _inside(quotes, g.spans[0][0]) and g.gender in (described.gender, "unknown")]
        if len(introduced) == 1:
            named = introduced[0]
            named.aliases += described.aliases
            named.spans += described.spans
            named.gender = described.gender if named.gender == "unknown" else named.gender
            kept[i] = named
    return kept


def _taggers(text: str, quotes: list[tuple[int, int]], groups: list[_Group]) -> dict[int, _Group]:
    """Quote index -> the character named in the speech tag right after it ('"...," said the old
    man', '"...," Tomas said')."""
    taggers: dict[int, _Group] = {}
    for group in groups:
        for start, _ in group.spans:
            q = _tagged_quote(text, quotes, start)
            if q is not None:
                taggers.setdefault(q, group)
    return taggers


def _tagged_quote(text: str, quotes: list[tuple[int, int]], start: int) -> int | None:
    """The index of the quote whose speech tag the mention at ``start`` is ('"...," said |the
    painter'), if it is one."""
    q = bisect_right(quotes, (start, start)) - 1
    return q if q >= 0 and _AFTER_QUOTE.fullmatch(text, quotes[q][1], start) else None


def _line_after(text: str, quotes: list[tuple[int, int]], end: int, acting: bool = True) -> int | None:
    """The index of the quote after a name ending at ``end`` in the narration, when the name acts
    ("Jess came in", "Natasha was waiting for him") or ends its paragraph ("Blaine turned to
    Rachel.") and the quote starts within ``PRONOUN_WINDOW``: the line of someone just named, often.
    ``acting=False``: whatever follows the name ("My mom is already in the car.")."""
    q = bisect_left(quotes, (end, end))
    acts = not acting or _ACTS_AFTER.match(text, end) or _WAS_DOING.match(text, end) \
        or _CLOSES_PARAGRAPH.match(text, end) \
        or _APPOSED_BEFORE.search(text, max(0, end - 120), end) and _APPOSED_ACTS.match(text, end)
    if _inside(quotes, end - 1) or not acts or q == len(quotes) or quotes[q][0] - end > PRONOUN_WINDOW:
        return None
    return q


def _beats_own_line(text: str, quotes: list[tuple[int, int]], end: int, starts: list[int]) -> bool:
    """Whether the name ending at ``end`` acts right before a quote of its own paragraph, nobody else
    named between its sentence and the quote (``starts``; whom it acts on may be: "Mateo leaned
    toward Kasia.") and no "he"/"she" tagging it: its action beat ("Cas stirred. "What is it?"")."""
    q = _line_after(text, quotes, end)
    if q is None or _PARAGRAPH_GAP.search(text, end, quotes[q][0]) or _PRONOUN_TAG.match(text, quotes[q][1]):
        return False
    stop = _BEAT_STOP.search(text, end, quotes[q][0])  # whom its own sentence names, it acts on
    following = bisect_right(starts, stop.start() if stop else end)
    return following == len(starts) or starts[following] >= quotes[q][0]


def _next_line_pronoun(text: str, quotes: list[tuple[int, int]], ends: Iterable[int],
                       names_at: dict[int, Gender], starts: list[int], acting: bool = True) -> Gender | None:
    """ "he" or "she" when the line after a name (``_line_after``; the name ending at one of
    ``ends``) is tagged with that pronoun and nobody else named between (``names_at``: where names
    start, and their genders; ``starts``: its keys, sorted) could be that pronoun ("Jess came
    in.\n\n"Is he here?" she asked.": Jess may be named only that once); None otherwise, or when
    such tags disagree."""
    found: set[Gender] = set()
    for end in ends:
        q = _line_after(text, quotes, end, acting)
        tag = _PRONOUN_TAG.match(text, quotes[q][1]) if q is not None else None
        if q is None or tag is None:
            continue
        pronoun: Gender = "he" if tag.group(1).lower() == "he" else "she"
        between = starts[bisect_right(starts, end):bisect_left(starts, quotes[q][0])]
        if all(names_at[p] not in (pronoun, "unknown") for p in between):
            found.add(pronoun)
    return found.pop() if len(found) == 1 else None


def _talks_with_everyone(text: str, description: _Group, others: list[_Group], quotes: list[tuple[int, int]],
                         taggers: dict[int, _Group]) -> bool:
    """Each of ``others`` named within ``CONVERSATION_REACH`` of the description's speech tags
    speaks a turn next to one of them, a reply (no narration paragraph between): they are two
    people talking."""
    own = [q for q, group in taggers.items() if group is description]
    partners = set()
    for q in own:
        for other in (q - 1, q + 1):
            first, second = sorted((q, other))
            if other in taggers and len(_LINE_BREAKS.findall(text, quotes[first][1], quotes[second][0])) <= 1:
                partners.add(id(taggers[other]))
    for group in others:
        spans = sorted(group.spans)  # once per character, not once per tag
        near = any(_distance(spans, quotes[q][0]) <= CONVERSATION_REACH for q in own)
        if near and id(group) not in partners:
            return False
    return bool(own)


def _link_nicknames(text: str, ranges: list[tuple[int, int]], groups: list[_Group]) -> list[_Group]:
    """Join a nickname to its owner where the text says so: Robert "Bobby" Smith,
    Elizabeth ("Lizzy"), Anne, known as Nan / nicknamed Nan, and a pet name of the name set off
    by dashes ("Theodore — Teddy —")."""
    owner = {alias: group for group in groups for alias in group.aliases}
    found = [m for a, b in ranges for m in _NICKNAME.finditer(text, a, b)]
    dashed = [m for a, b in ranges for m in _DASHED_NICKNAME.finditer(text, a, b)
              if m.group(1).lower() in formal_names(m.group(2))]
    for m in sorted([*found, *dashed], key=lambda m: m.start()):
        forms: tuple[str, ...] = ()
        if m.re is _DASHED_NICKNAME:
            full, nickname = m.group(1), m.group(2)
        elif m.group(1):
            forms = (m.group(1),)
            full, nickname = f"{m.group(1)} {m.group(3)}", m.group(2)
        else:
            full, nickname = " ".join(m.group(4).split()), m.group(5)
        if _is_common_word(nickname) or any(_is_common_word(t) for t in _tokens(full)):
            continue
        target = next((owner[f] for f in (full, *_tokens(full)) if f in owner), None)
        other = owner.get(nickname)
        if target is None:
            if other is None and not forms:
                continue  # "X, known as Y" may name a place; X "Y" Z always names a person
            if other is None:
                groups.append(_Group(aliases=[]))
            target = other or groups[-1]
            target.name = full  # the full name the text gives, not the nickname
        if other is not None and other is not target:
            target.aliases.extend(other.aliases)
            other.aliases = []
        target.aliases.extend(a for a in (full, nickname, *forms) if a not in target.aliases)
        owner.update(dict.fromkeys(target.aliases, target))
    return [group for group in groups if group.aliases]


def _add_senders(text: str, senders: list[tuple[int, int]], groups: list[_Group]) -> list[_Group]:
    """A script's sender in capitals ("KURT:") is also an alias of the character it names ("Kurt");
    a chat's handle no name reads ("lady_sings: ...") is a character of its own, returned."""
    owner = {alias: group for group in groups for alias in group.aliases}
    handles: list[_Group] = []
    for start, end in sorted(senders):
        name = text[start:end]
        shouted = _SHOUTED.fullmatch(name)
        group = owner.get(name.title()) if shouted else owner.get(name)
        if group is None and not shouted:
            group = owner[name] = _Group(aliases=[name], name=name)
            handles.append(group)
        elif group is not None and name not in group.aliases:
            group.aliases.append(name)
    return handles


def _times_named(candidates: dict[str, _Candidate], group: _Group) -> int:
    """How often the text writes the group by any of its names: "Elizabeth" makes Elizabeth
    Bennet, not Eliza."""
    return sum(len(candidates[alias].positions) for alias in group.aliases if alias in candidates)


def _dominant(candidates: dict[str, _Candidate], owners: Iterable[_Group]) -> _Group | None:
    """Of the groups a short form or a lone title fits, the one named ``SHORT_FORM_DOMINANCE``
    times as often as the rest together (the last of a tie), if any."""
    ranked = sorted(owners, key=lambda group: _times_named(candidates, group))
    if ranked and _times_named(candidates, ranked[-1]) >= SHORT_FORM_DOMINANCE * sum(
            _times_named(candidates, group) for group in ranked[:-1]):
        return ranked[-1]
    return None


def _add_lone_titles(candidates: dict[str, _Candidate], lower: Counter[str], groups: list[_Group]) -> None:
    """A title the text writes alone and capitalised ("Mademoiselle had finished.") is the character
    written with it ("Mademoiselle Reisz"), or of several the one named ``SHORT_FORM_DOMINANCE``
    times as often as the rest (not Mademoiselle Duvigne, named once; of "Madame Ratignolle" and
    "Madame Lebrun", no one)."""
    taken = {alias for group in groups for alias in group.aliases}
    for title in sorted(_LONE_TITLES - taken):
        alone = candidates.get(title)
        if alone is None or len(alone.positions) <= lower[title.lower()]:
            continue
        filed = _filed(title)  # "Doctor" of "Dr. Pike"
        owner = _dominant(candidates, (group for group in groups if _written_with(group, filed)))
        if owner is not None:
            owner.aliases.append(title)


# A ruler's rank, and how they are spoken of and to: "Her Majesty", "Your Highness".
_RANK_STYLES: dict[str, tuple[str, str]] = {
    "King": ("Majesty", "His"), "Queen": ("Majesty", "Her"), "Emperor": ("Majesty", "His"),
    "Empress": ("Majesty", "Her"), "Prince": ("Highness", "His"), "Princess": ("Highness", "Her"),
    "Duke": ("Grace", "His"), "Duchess": ("Grace", "Her")}


def _add_ranks(text: str, candidates: dict[str, _Candidate], groups: list[_Group],
               described: set[str]) -> None:
    """"The queen rose", "said the prince", "the detective said", "Her Majesty": the one character
    named with that rank or office ("Queen Seraphine", "Prince Aldric", "Detective Ruth Abernathy"),
    or of several the one named far more often (``_dominant``); and the style ("Your Majesty") when
    one such ruler has it. Only forms the story writes, and no one's already: a description the
    text tags speech with ("the queen", twice) joins its holder later (``_join_described``)."""
    taken = {alias for group in groups for alias in group.aliases} | described

    def fresh(forms: Iterable[str]) -> list[str]:  # written in the story, and no one's yet
        return [form for form in forms if form not in taken
                and re.search(rf"(?<![\w'’-]){re.escape(form)}(?![\w'’-])", text)]
    styled: dict[str, list[tuple[_Group, str]]] = defaultdict(list)
    for rank in sorted(ROLE_TITLES):
        filed = _filed(rank)  # "the doctor" of "Dr. Pike"
        owner = _dominant(candidates, (group for group in groups if _written_with(group, filed)))
        if owner is None:
            continue
        owner.aliases += fresh((f"the {rank.lower()}", f"The {rank.lower()}"))
        if rank in _RANK_STYLES:
            styled[_RANK_STYLES[rank][0]].append((owner, _RANK_STYLES[rank][1]))
    for style, owners in styled.items():
        if len({id(owner) for owner, _ in owners}) == 1:
            owner, pronoun = owners[0]
            alone = (style,) if style != "Grace" else ()  # "Grace" is a name too
            forms = (f"{pronoun} {style}", f"Your {style}", *alone)
            owner.aliases += fresh(forms)


def _join_pet_full_names(text: str, candidates: dict[str, _Candidate], groups: list[_Group]) -> list[_Group]:
    """"Frank Oakley" is "Francis Oakley": two full names with one surname whose first names are a
    pet name and the name it is short for (``formal_names``), of compatible gender, are one
    person, when only one full name with that surname is the formal one and no sentence names
    both ("Harry Vale and Henry Vale were cousins"). The name the text uses more often stays
    the character's name."""
    by_surname: dict[str, list[tuple[str, str, _Group]]] = defaultdict(list)  # first name, full name
    for group in groups:
        for alias in group.aliases:
            parsed = _parse(alias, 0)
            if parsed.title is None and len(parsed.names) == 2:
                by_surname[parsed.names[1]].append((parsed.names[0], alias, group))

    def together(one: str, other: str) -> bool:
        """Whether a sentence names both full names."""
        if one not in candidates or other not in candidates:
            return False
        sentences = {_sentence_around(text, p) for p in candidates[one].positions}
        return any(_sentence_around(text, p) in sentences for p in candidates[other].positions)

    for full_names in by_surname.values():
        for pet, pet_name, short in full_names:
            formal = [(name, group) for first, name, group in full_names
                      if group is not short and first.lower() in formal_names(pet)]
            if len(formal) != 1 or not (short.aliases and formal[0][1].aliases) \
                    or not _compatible(short.gender_hint, formal[0][1].gender_hint) \
                    or together(pet_name, formal[0][0]):
                continue
            keep, other = formal[0][1], short
            if _times_named(candidates, other) > _times_named(candidates, keep):
                keep, other = other, keep
            _absorb(keep, other)
            if keep.gender_hint == "unknown":
                keep.gender_hint = other.gender_hint
    return [group for group in groups if group.aliases]


def _link_short_names(text: str, candidates: dict[str, _Candidate], lower: Counter[str],
                      quotes: list[tuple[int, int]], groups: list[_Group]) -> list[_Group]:
    """A short form called out in dialogue joins the character whose first name it begins:
    "Didn't you, Pri?" is Priya, "Come on, Jess" Jessica, a line that is the name alone ("Des?")
    Desmond; so does one the nicknames list has for
    it, wherever written ("Theo" for Theodore Blackwood; "Jo" for Josephine Varga and "Abby" for Abigail
    Fenwick, named in full, as the list's names share their first two letters), a name cut after a
    consonant written twice ("Raff" for Rafael), and a clipped title called out ("Cap" for the one
    called "Captain"). A pet name no longer than the name that the dialogue uses and the
    narration hardly does joins the character it is short for:
    "Lizzy" is Elizabeth, "Harry" Lord Henry (Harry Potter's "Harry", in the narration too, is a
    name of its own). Never a word the story also writes in lower case ("Will", "Rob"), nor a
    form of a character with other names ("Skaggs" of "Mr. Skaggs" for "Skaggsy"; but "Lizzy" of
    "Miss Lizzy"), nor one of the other gender. Of several characters it fits, the one named
    ``SHORT_FORM_DOMINANCE`` times as often as the rest ("Harry": Lord Henry, not Sir Henry)."""
    first_names = [(_parse(g.aliases[0], 0).names[0], g) for g in groups if g.aliases and not g.described]
    # the first names a form could be short for share its first three letters, or are its formal names
    by_start: dict[str, list[tuple[str, _Group]]] = defaultdict(list)
    by_lower: dict[str, list[tuple[str, _Group]]] = defaultdict(list)
    for name, group in first_names:
        by_start[name[:3]].append((name, group))
        by_lower[name.lower()].append((name, group))
    alone = {next(iter(words)): g for g in groups  # "Pri", "Lizzy" / "Miss Lizzy": a name on its own
             if len(words := _untitled_words(g)) == 1}
    aliases = {alias for g in groups for alias in g.aliases}

    for form, candidate in candidates.items():
        if " " in form or len(form) < 2 or _is_common_word(form) or form.lower() in lower \
                or form in aliases and form not in alone:
            continue
        listed = formal_names(form)
        if len(form) < 3 and not listed:
            continue
        spoken = sum(_inside(quotes, p) for p in candidate.positions)
        pet = spoken >= DIALOGUE_SHARE * len(candidate.positions)
        formal = listed if pet else frozenset()
        called = candidate.vocative or candidate.called_before_tag \
            or any(p and _LONE_CALL.match(text, p - 1) for p in candidate.positions)
        short = called and (form not in aliases or alone[form].aliases == [form])
        hint = alone[form].gender_hint if form in alone else "unknown"  # "Sam" she is no Samuel
        fitting = by_start.get(form[:3], []) + [pair for f in listed for pair in by_lower.get(f, [])]
        owner = _dominant(candidates, {id(g): g for name, g in fitting if g is not alone.get(form)
                                       and _compatible(g.gender_hint, hint) and (
            (short or name.lower() in listed) and len(name) > len(form) and name.startswith(form)
            or name.lower() in formal and len(name) >= len(form)
            or name.lower() in listed and name[:2] == form[:2] and any(" " in a for a in g.aliases)
            or _clipped(form, name)
            or pet and _diminutive(form, name))}.values())
        if owner is None and short:  # "Morning, Cap.": the one called "Captain" ("Doc" of "Dr. Farouk")
            ranked = [g for g in groups if g is not alone.get(form) and any(
                len(title) > len(form) and title.startswith(form)
                for a in g.aliases if is_title(worn := _tokens(a)[0]) for title in _spellings(worn))]
            owner = ranked[0] if len(ranked) == 1 else None
        if owner is not None:
            owner.aliases.extend([form] if form not in alone else alone[form].aliases)
            if form in alone:
                alone[form].aliases = []
    return [group for group in groups if group.aliases]


# "Des?": a line that is a name called alone
_LONE_CALL = re.compile(r"[\"\u201c][A-Z][\w'\u2019-]*[?!.\u2026\u2014-]{1,2}[\"\u201d]")


def _filed(title: str) -> str:
    """The one spelling a title is filed under: "Doctor" and "Dr" are both "Dr" (``_spellings``
    gives them all back)."""
    return TITLE_SPELLINGS.get(title, title)


def _spellings(title: str) -> list[str]:
    """A title as written and in full: "Dr." is also "Doctor", "Capt." "Captain"."""
    bare = _strip_title(title)
    return [bare, *(spelled for spelled, filed in TITLE_SPELLINGS.items() if filed == bare)]


_DIMINUTIVE_ENDING = re.compile(r"(?P<double>[bdgkmnpt])?(?:y|ie|ey)")


def _diminutive(form: str, name: str) -> bool:
    """Whether a pet name is a short name made small: "Sammy" of "Sam", "Johnny" of "John", "Katie"
    of "Kat" (its last consonant doubled or not, then -y / -ie / -ey)."""
    ending = _DIMINUTIVE_ENDING.fullmatch(form, len(name)) if len(name) >= 3 and form.startswith(name) \
        else None
    return ending is not None and ending.group("double") in (None, name[-1])


def _clipped(form: str, name: str) -> bool:
    """Whether a short form is a name cut after a consonant written twice: "Raff" of "Rafael"."""
    return len(form) >= 4 and form[-1] == form[-2] and form[-1] not in "aeiouy" \
        and name.startswith(form[:-1]) and len(name) > len(form)


def _untitled_words(group: _Group) -> set[str]:
    """The words of a group's names but titles: {"Lizzy"} for "Lizzy" and "Miss Lizzy"."""
    return {t for alias in group.aliases for t in _tokens(alias) if _strip_title(t) not in _TITLES}


def _is_common_word(word: str) -> bool:
    return word in _NEVER_NAMES or word in _TITLES


def _is_family(form: _Form, named: Counter[str]) -> bool:
    """A plural surname ("the Gardiners", "Miss Bennets") names a family, not one person; a
    name ending in "s" whose singular is rarer ("Sikes", once misspelt "Sike") is one person."""
    if len(form.names) != 1:
        return False
    word = form.names[0]
    singulars = [word[:-1], word[:-2]] if word.endswith("es") else [word[:-1]]
    return word.endswith("s") and any(named[s] >= named[word] for s in singulars if s in named)


# --- a given cast ---------------------------------------------------------------------------------


def _cast_groups(text: str, ranges: list[tuple[int, int]], cast: list[CastMember]) -> list[_Group]:
    """One group per cast member: its own aliases, then what the text is likely to call them.

    Added forms: an alias as the text spells it ("Mr. Mcbryde" -> "Mr. McBryde",
    "The Cabman" -> "the cabman", "Duchess Of Harley" -> "Duchess of Harley"), and
    from a name ("Adela Quested", "Mr. Vyse", "General Tilney") its title + surname
    ("Miss Quested": the alias's title, else one from the gender of a member named
    with no title at all), surname and first name alone, title + first name ("Lady
    Catherine"), a role title alone ("the General", "Mademoiselle"; a rank also as the
    text mostly writes it, "the general"). A form that is another member's own alias, or
    that two members could both claim, is given to neither ("Mr. Knightley" stays
    George's; "Knightley" is nobody's), except that a surname alone goes to the one
    member who is not only a married title's holder ("Elton" is Mr. Elton's, not Mrs.
    Elton's), and a rank in lower case to a member described by it ("The Doctor"). A bare word must be written
    capitalised more often than not ("Will" is no name), and a description too
    common to be one person's ("the girl") is not added.
    """
    words = Counter(w for a, b in ranges for w in re.findall(r"\w+", text[a:b]))
    spelling: dict[str, str] = {}
    for word, _ in words.most_common():
        spelling.setdefault(word.lower(), word)  # the text's usual spelling of each word
    groups = [_Group(aliases=list(dict.fromkeys([m.name, *m.aliases])), name=m.name, cast=m) for m in cast]
    own = {alias for group in groups for alias in group.aliases}
    claims: dict[str, dict[int, bool]] = defaultdict(dict)  # form -> member -> only a weak claim
    for i, group in enumerate(groups):
        for form, weak in _cast_forms(group, words, spelling):
            claims[form][i] = claims[form].get(i, True) and weak
    for form, members in claims.items():
        strong = [i for i, weak in members.items() if not weak]
        chosen = strong or list(members)
        if len(chosen) == 1 and form not in own:
            groups[chosen[0]].aliases.append(form)
    return groups


def _cast_forms(group: _Group, words: Counter[str], spelling: dict[str, str]) -> Iterator[tuple[str, bool]]:
    """(form, weak) the text may use for a cast member (see ``_cast_groups``), present or not;
    weak: a surname only known from a married title ("Mrs. Elton" -> "Elton"), or a rank in lower
    case ("the general"), which a cast member described by it ("The General") holds first."""
    member = group.cast
    assert member is not None
    titles = {title for alias in group.aliases if (title := _cast_title(alias.split()))}
    gender = member.gender if member.gender in ("he", "she") else next(
        (g for t in titles if (g := _title_gender(t)) != "unknown"), "unknown")
    untitled = set() if titles else {"he": {"Mr"}, "she": {"Miss"}}.get(gender, set())
    for alias in group.aliases:
        parts = [_respell(word, spelling) for word in alias.split()]
        yield " ".join(parts), False
        yield from ((form, False) for form in _lower_case_forms(parts, words))
        title = _cast_title(parts)
        names = parts[1:] if title else parts
        if not names or not all(_TOKEN.fullmatch(w) and not _is_common_word(w) or w.lower() in _PARTICLES
                                for w in names):
            continue
        cut = next((i for i, w in enumerate(names[:-1]) if w.lower() in _PARTICLES), len(names) - 1)
        surname = " ".join(names[cut:])
        first = names[0] if len(names) > 1 and cut > 0 and title not in _MARRIED_TITLES else None
        if title or len(names) > 1:
            for t in {title} if title else untitled:
                forms = (f"{t}. {surname}", f"{t} {surname}") if t in _ABBREVIATED else (f"{t} {surname}",)
                yield from ((f, False) for f in forms)
            yield from ((f, title in _MARRIED_TITLES) for f in _bare_form(surname, words))
        if first:
            yield from ((f, False) for f in _bare_form(first, words))
            yield from ((f"{t} {first}", False) for t in titles & _FIRST_NAME_TITLES)
        role = parts[0].rstrip(".")
        if title and role in _LONE_TITLES:
            yield f"the {role}", False
            if role in _RANKS and words[role.lower()] > words[role]:  # "the general", as Northanger writes it
                yield from ((f"{article} {role.lower()}", True) for article in ("the", "The"))
            yield from ((f, False) for f in _bare_form(role, words, title_ok=True))


def _cast_title(parts: list[str]) -> str | None:
    """The title a cast alias starts with ("Mrs." -> "Mrs"), when it has a name after it."""
    if len(parts) < 2 or not is_title(parts[0]):
        return None
    return _filed(_strip_title(parts[0]))


def _respell(word: str, spelling: dict[str, str]) -> str:
    """A cast word as the text writes it when the text never writes it as given ("Mcbryde")."""
    bare = word.rstrip(".")
    usual = spelling.get(bare.lower(), bare)
    if usual == bare or not bare[:1].isupper() or not (usual[:1].isupper() or bare.lower() in _PARTICLES):
        return word  # "De Bourgh" -> "de Bourgh", but "The Cabman" is for _lower_case_forms
    return usual + word[len(bare):]


def _lower_case_forms(parts: list[str], words: Counter[str]) -> Iterator[str]:
    """A description as the text writes it: each word in the case the text mostly gives it
    ("The Cabman" -> "the cabman", "The cabman"; "the Invisible Man" stays capitalised), and with
    "a" for "the" ("a cabman")."""
    usual = [w if words[key] >= words[key.lower()] else w.lower()
             for w in parts for key in [w.rstrip(".").split("-")[0]]]  # "Hump-backed": as "hump" is written
    article = parts[0].lower() in ("the", "a", "an")
    if len(parts) < 2 or (usual == parts and not article):
        return
    if article:
        yield " ".join([parts[0].lower(), *parts[1:]])
    if " ".join(usual[1:] if article else usual).lower() not in _GENERIC_PEOPLE:
        yield " ".join(usual)
        yield " ".join([usual[0].capitalize(), *usual[1:]])
        if usual[0] == "the":  # as the one is first met: "a looker-on shouted", "A cabman"
            first_met = "an" if usual[1][:1].lower() in "aeiou" else "a"
            yield " ".join([first_met, *usual[1:]])
            yield " ".join([first_met.capitalize(), *usual[1:]])


def _bare_form(word: str, words: Counter[str], title_ok: bool = False) -> Iterator[str]:
    """A name (or a title) alone, when the text writes it capitalised more often than not."""
    common = word in _NEVER_NAMES or (word in _TITLES and not title_ok)
    if " " in word or (not common and words[word] > words[word.lower()]):
        yield word


def _drop_unused_aliases(text: str, groups: list[_Group]) -> None:
    """Of the forms added to a cast member or a description ("The stranger"), keep those the
    text uses; a cast member's own aliases stay."""
    used = {" ".join(text[s:e].split()) for group in groups for s, e in group.spans}
    for group in groups:
        if group.cast is not None or group.described:
            given = {group.cast.name, *group.cast.aliases} if group.cast else {group.name}
            group.aliases = [a for a in group.aliases if a in given or a in used]


# --- 4. mentions, narrator and gender -------------------------------------------------------------


def _match_mentions(text: str, ranges: list[tuple[int, int]], groups: list[_Group]) -> None:
    """Add every alias occurrence in the story to its group: longest alias first at each word,
    case-sensitive, whole words only; linear in text length (one set lookup per alias length)."""
    owner: dict[str, _Group] = {}
    lengths: dict[str, set[int]] = defaultdict(set)
    for group in groups:
        for alias in group.aliases:
            head = re.match(r"\w+", alias)
            if head and alias not in owner:
                owner[alias] = group
                lengths[head.group()].add(len(alias))
    ordered = {head: sorted(sizes, reverse=True) for head, sizes in lengths.items()}
    flat = re.sub(r"(?<!\n)\n(?!\n)", " ", text)  # a name may wrap across a line; offsets unchanged
    surnames = {name for group in groups for name in _surnames(group)}
    for a, b in ranges:
        position = a
        for m in re.finditer(r"\w+", flat[a:b]):
            start = m.start() + a
            sizes = ordered.get(m.group())
            if start < position or not sizes or (start > 0 and flat[start - 1].isalnum()):
                continue
            for size in sizes:
                end = start + size
                alias = flat[start:end]
                if end <= b and alias in owner and not (alias[-1].isalnum() and end < len(flat)
                                                        and (flat[end].isalnum() or flat[end] == "_")):
                    end, named = _glued(flat, end, alias, owner, surnames) or (end, owner[alias])
                    if named is not None:
                        named.spans.append((start, end))
                    position = end
                    break


def _surnames(group: _Group) -> set[str]:
    """The last words of a group's names of two words or more ("Bennet" of "Mrs. Bennet")."""
    return {alias.split()[-1] for alias in group.aliases if len(alias.split()) > 1}


_NEXT_NAME = re.compile(r" ([A-Z][\w'\u2019-]*)\b")


def _glued(text: str, end: int, alias: str, owner: dict[str, _Group],
           surnames: set[str]) -> tuple[int, _Group | None] | None:
    """A name that goes on with a surname another character owns alone, as (its end, whose it is):
    "Elizabeth Bennet" is Elizabeth's whole, not Elizabeth and the "Bennet" of Mrs. Bennet; after a
    title alone ("Monsieur", a cast member's alias) the surname's owner's, when the title fits
    them ("Monsieur Ratignolle" is not Madame Ratignolle: no one's). Only a first name or a
    title (and one name) goes on so."""
    words = alias.split()
    following = _NEXT_NAME.match(text, end)
    if following is None or len(words) > 2 or len(words) == 2 and not is_title(words[0]) \
            or following.group(1) not in surnames:
        return None
    other = owner.get(following.group(1))
    if other is None or other is owner[alias]:  # the same group: identity, not a field-by-field compare
        return None
    if len(words) == 1 and is_title(words[0]):
        gender = other.cast.gender if other.cast is not None else other.gender_hint
        fits = gender not in ("he", "she") or _title_gender(_strip_title(words[0])) in ("unknown", gender)
        return following.end(), other if fits else None
    return following.end(), owner[alias]


def _words_outside(text: str, ranges: list[tuple[int, int]], quotes: list[tuple[int, int]]) -> int:
    return max(0, _word_count(text, ranges) - _word_count(text, quotes))


def _find_narrator(text: str, ranges: list[tuple[int, int]], quotes: list[tuple[int, int]],
                   groups: list[_Group], cast_given: bool = False) -> _Group | None:
    """The first-person narrator, when "I" is frequent outside dialogue; joined to a named group
    when the text names them ("my name is X", "call me X"), else called "Narrator". With a given
    cast, the member the cast calls "I" or the narrator is it, else one the text names so (a
    name not in the cast makes no new character), else the one only the dialogue names
    (``_named_by_others``): "I said" is then that member's line, not a guess among the others."""
    spans = _narrating(text, ranges, quotes, _FIRST_PERSON)
    if spans is None:
        return None
    declared = [g for g in groups if g.cast is not None and any(is_narrator_name(a) for a in g.aliases)]
    if cast_given and len(declared) == 1:
        declared[0].spans = sorted(set(declared[0].spans) | set(spans))
        return declared[0]
    by_alias = {alias: g for g in groups for alias in g.aliases}
    named: Counter[str] = Counter()
    for a, b in ranges:
        for m in _SELF_NAMING.finditer(text, a, b):
            for form in (m.group(1), _tokens(m.group(1))[0]):
                if form in by_alias or (form in first_names() and form == m.group(1)):
                    named[form] += 1
                    break
    narrator = None
    if named:
        form = named.most_common(1)[0][0]
        narrator = by_alias.get(form)
        if narrator is None and not cast_given:
            narrator = _Group(aliases=[form], name=form)
            groups.append(narrator)
            _match_mentions(text, ranges, [narrator])
    narrator = narrator or _named_by_others(text, groups, quotes)
    if narrator is None:
        if cast_given:
            return None
        narrator = _Group(aliases=[], name="Narrator")
        groups.append(narrator)
    narrator.spans.extend(spans)
    return narrator


def _scene_narrators(text: str, ranges: list[tuple[int, int]], scenes: list[Scene], groups: list[_Group],
                     narrator: _Group | None, cast_given: bool) -> list[_Group]:
    """Who tells the story: ``narrator``, unless the scene headings of a first-person story name
    its tellers ("~Juniper's POV~" ... "~Theo's POV~"): then the I/me/my of each such scene are
    that teller's, a character of their own (named as the heading names them when no character
    is), and ``narrator`` keeps the rest, if any; one teller named tells the whole story."""
    stated = [(scene.start, scene.end, scene.pov_name) for scene in scenes
              if scene.pov_stated and scene.pov_name]
    if narrator is None or not stated:
        return [narrator] if narrator is not None else []
    if len({name for _, _, name in stated}) == 1:  # "Blaine's POV" over a story Blaine tells: all of it
        stated = [(0, len(text), stated[0][2])]
    by_alias = {alias: group for group in groups for alias in group.aliases}
    tellers: list[_Group] = []
    for start, end, name in stated:
        teller = by_alias.get(name) or by_alias.get(name.split()[0])
        if teller is None and not cast_given:
            teller = by_alias[name] = _Group(aliases=[name], name=name)
            groups.append(teller)
            _match_mentions(text, ranges, [teller])
        if teller is None or teller is narrator:
            continue
        own = {span for span in narrator.spans
               if start <= span[0] < end and _FIRST_PERSON.fullmatch(text, *span)}
        narrator.spans = [span for span in narrator.spans if span not in own]
        teller.spans.extend(own)
        if not any(teller is known for known in tellers):
            tellers.append(teller)
    told = any(_FIRST_PERSON.fullmatch(text, *span) for span in narrator.spans)
    return tellers + [narrator] if told else tellers


# A first-person narrator's family, whom the story calls only "my father" (and, to their face,
# "Dad"): kin word -> (gender, the one person it names, the words the family calls them by).
_NARRATOR_KIN: dict[str, tuple[Gender, str, tuple[str, ...]]] = {
    "father": ("he", "father", ("Dad", "Daddy", "Papa", "Pa")),
    "dad": ("he", "father", ("Dad", "Daddy", "Papa", "Pa")),
    "mother": ("she", "mother", ("Mom", "Mum", "Mommy", "Mummy", "Mama", "Ma")),
    "mom": ("she", "mother", ("Mom", "Mum", "Mommy", "Mummy", "Mama", "Ma")),
    "mum": ("she", "mother", ("Mom", "Mum", "Mommy", "Mummy", "Mama", "Ma")),
    "grandmother": ("she", "grandmother", ("Grandma", "Granny", "Gran", "Nana")),
    "grandma": ("she", "grandmother", ("Grandma", "Granny", "Gran", "Nana")),
    "grandfather": ("he", "grandfather", ("Grandpa", "Granddad", "Grandad")),
    "grandpa": ("he", "grandfather", ("Grandpa", "Granddad", "Grandad")),
    "husband": ("he", "husband", ()), "wife": ("she", "wife", ()),
    "brother": ("he", "brother", ()), "sister": ("she", "sister", ()),
    "aunt": ("she", "aunt", ()), "uncle": ("he", "uncle", ()),
}
# "mother" (and "mom", "mum") -> its gender, kin and family names
_KIN_ENTRY = {entry[1]: entry for entry in _NARRATOR_KIN.values()}
_MY_KIN = re.compile(r"\b([Mm]y)[ \t]+({})\b(?![ \t]*(?:[A-Z]|['’]s[ \t]+[a-z]+[ \t]+[A-Z]|-in-law))".format(
    "|".join(_NARRATOR_KIN)))
_KIN_NAMED = re.compile(r"\b[Mm]y[ \t]+({})[ \t]*,?[ \t]*[A-Z][a-z]".format("|".join(_NARRATOR_KIN)))


def _narrator_kin(text: str, ranges: list[tuple[int, int]], quotes: list[tuple[int, int]],
                  groups: list[_Group], narrator: _Group) -> list[_Group]:
    """The narrator's family members the narration calls only "my father", "my mom", at least
    ``MIN_MENTIONS`` times, or once beside a quotation ('"You're late," my father said.') or before
    a line its pronoun tags ('My mom is in the car. / "You're late," she says.'): characters of their
    own, with the names the family calls them ("Dad, dinner's ready"), which count as mentions when
    dialogue calls them so ("Mom."). A kin word the text ever follows with a name ("my sister Lena")
    is that named character's."""
    named_kin = {_NARRATOR_KIN[m.group(1).lower()][1]
                 for a, b in ranges for m in _KIN_NAMED.finditer(text, a, b)}
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    spots: dict[str, list[re.Match[str]]] = defaultdict(list)
    tagged: Counter[str] = Counter()
    names_at = {start: group.gender_hint for group in groups if group is not narrator
                for start, _ in group.spans}
    starts = sorted(names_at)
    for a, b in ranges:
        for m in _MY_KIN.finditer(text, a, b):
            gender, kin, _ = _NARRATOR_KIN[m.group(2).lower()]
            if kin in named_kin or _inside(quotes, m.start()):
                continue
            forms[kin][m.group(0)] += 1
            spots[kin].append(m)
            line_end = text.find("\n", m.end())
            paragraph_end = len(text) if line_end < 0 else line_end
            others = starts[bisect_right(starts, m.end()):bisect_left(starts, paragraph_end)]
            tagged[kin] += _tagged_quote(text, quotes, m.start()) is not None or not any(
                names_at[p] in (gender, "unknown") for p in others) and _next_line_pronoun(
                text, quotes, [paragraph_end], names_at, starts, acting=False) == gender
    taken = {alias for group in groups for alias in group.aliases}
    found = []
    for kin, written in forms.items():
        if _kin_is_named_near(text, spots[kin], groups, narrator, kin):
            continue
        called = _KIN_ENTRY[kin][2]
        family_name = re.compile(rf"\b(?:{'|'.join(called)})\b") if called else None
        calls = sum(1 for a, b in quotes for m in family_name.finditer(text, a, b)
                    if _called_at(text, m.start(), m.end())) if family_name else 0
        if sum(written.values()) + calls < MIN_MENTIONS and not tagged[kin]:
            continue
        found.append(_kin_group(kin, written, taken))
    _match_mentions(text, ranges, found)
    _drop_unused_aliases(text, found)
    return found


_NAMED_KIN = {"sister", "brother", "husband", "wife"}  # kin a narrator calls by name, unlike a parent
KIN_NEAR = 800  # characters around "my sister" searched for the one named character she can be


def _kin_is_named_near(text: str, found: list[re.Match[str]], groups: list[_Group], narrator: _Group,
                       kin: str) -> bool:
    """"Nessa was on my counter ... My sister hopped down": a narrator's sister, brother or spouse
    the story names is the one character of that gender named around every "my sister" (``found``,
    in the narration), never in one sentence with it; then "my sister" joins her (True) instead of
    being someone of its own."""
    if kin not in _NAMED_KIN:
        return False
    gender = _KIN_ENTRY[kin][0]
    named = sorted((start, end, group) for group in groups if group is not narrator and not group.described
                   and _compatible(group.gender_hint, gender) for start, end in group.spans)
    starts = [start for start, _, _ in named]
    owners: set[int] = set()
    for m in found:
        near = named[bisect_left(starts, m.start() - KIN_NEAR):bisect_right(starts, m.end() + KIN_NEAR)]
        sentence_start, sentence_end = _sentence_around(text, m.start())
        if any(sentence_start <= start < sentence_end for start, _, _ in near):
            return False  # "Nessa and my sister": two people
        owners |= {id(group) for _, _, group in near}
    if len(owners) != 1:
        return False
    owner = next(group for _, _, group in named if id(group) in owners)
    forms = dict.fromkeys(m.group(0) for m in found)
    owner.aliases.extend(form for form in forms if form not in owner.aliases)
    owner.spans.extend((m.start(), m.end()) for m in found)
    return True


# "Her brother Finn", "his little sister Maya": a kin word of someone's, then the name it is
_KIN_THEN_NAME = re.compile(r"\b([Hh]er|[Hh]is|[Tt]heir)[ \t]+"
                            r"(?:(?:little|big|older|younger|baby|twin)[ \t]+)?"
                            r"(brother|sister|son|daughter|cousin)[ \t]+([A-Z][a-z]+)\b")


def _kin_named_once(text: str, ranges: list[tuple[int, int]], quotes: list[tuple[int, int]],
                    groups: list[_Group]) -> None:
    """'Her brother Finn, ten and bored, had not looked up.' and then '"Hi," her brother said.':
    where the narration writes one name only after "her brother", and "her brother" tags a line,
    "her brother" is that character wherever written (a story names a child once, then calls him
    so); not where it names several ("his sister Kitty", "his sister Lydia"), nor in a story of
    ``INERT_WORDS`` or more."""
    named: dict[str, set[str]] = defaultdict(set)  # "her brother" -> the names written after it
    for a, b in ranges:
        for m in _KIN_THEN_NAME.finditer(text, a, b):
            if not _inside(quotes, m.start()):
                named[f"{m.group(1).lower()} {m.group(2)}"].add(m.group(3))
    owners = {alias: group for group in groups for alias in group.aliases}
    for phrase, names in named.items():
        owner = owners.get(next(iter(names))) if len(names) == 1 else None
        if owner is None:
            continue
        kin = _Group(aliases=[phrase, phrase.capitalize()])
        _match_mentions(text, ranges, [kin])
        if not any(_tagged_quote(text, quotes, start) is not None for start, _ in kin.spans
                   if not _inside(quotes, start)):
            continue
        own = [start for start, _ in owner.spans]  # "Her brother Finn" is one mention, Finn's
        kin.spans = [span for span in kin.spans if not any(0 <= start - span[1] <= 1 for start in own)]
        _absorb(owner, kin)


def _kin_group(kin: str, written: Counter[str], taken: set[str]) -> _Group:
    """A family member known by a kin word ("my father", "her mother"): named as the text most
    often writes it, in lower case however a sentence opened it, with the names the family calls
    them ("Dad", "Mom") that no other character has."""
    gender, _, called = _KIN_ENTRY[kin]
    name = written.most_common(1)[0][0]
    name = name[0].lower() + name[1:]
    aliases = [name, *written, *(word for word in called if word not in taken)]
    return _Group(aliases=list(dict.fromkeys(aliases)), name=name, gender_hint=gender, described=True)


_PARENT_TITLES = {"she": ("Mrs", "Lady"), "he": ("Mr", "Sir", "Lord")}
_THEIR_KIN = re.compile(r"\b([Hh]er|[Hh]is|[Tt]heir)[ \t]+(mother|mom|mum|father|dad|grandmother|grandma|"
                        r"grandfather|grandpa)\b(?![ \t]*[A-Z]|-)")


def _kin_described(text: str, ranges: list[tuple[int, int]], quotes: list[tuple[int, int]],
                   groups: list[_Group]) -> list[_Group]:
    """A parent the story calls only "her mother" or "their mother" and who tags speech or acts
    before a line ``DESCRIBED_TAGS`` times ('"Hold still," her mother said.'): a character of their
    own, with the names their children call them ("Mom"), when no character wears a parent's title
    ("Mrs. Bennet", to whom attribution gives Elizabeth's "said her mother") with a surname
    another character shares (a neighbour's "Mrs. Petrakis" is no one's mother here)."""
    surnames = Counter(name for group in groups for name in _surnames(group))
    titled = {title for group in groups for alias in group.aliases
              if (title := _parse(alias, 0).title) and surnames[alias.split()[-1]] > 1}
    found: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)  # (owner, kin) -> forms
    tagged: Counter[tuple[str, str]] = Counter()
    for a, b in ranges:
        for m in _THEIR_KIN.finditer(text, a, b):
            gender, kin, _ = _NARRATOR_KIN[m.group(2)]
            if _inside(quotes, m.start()) or titled & set(_PARENT_TITLES[gender]):
                continue
            key = (m.group(1).lower(), kin)
            found[key][m.group(0)] += 1
            tagged[key] += _tagged_quote(text, quotes, m.start()) is not None \
                or _line_after(text, quotes, m.end()) is not None
    owners = {owner for owner, kin in found if owner != "their"}
    for kin in {kin for owner, kin in found if owner == "their" and len(owners) == 1}:
        key = (next(iter(owners)), kin)
        if key in found:  # "their mother" of the sisters is the one "her mother" names
            found[key] += found.pop(("their", kin))
            tagged[key] += tagged.pop(("their", kin))
    taken = {alias for group in groups for alias in group.aliases}
    kept = [_kin_group(key[1], forms, taken) for key, forms in found.items() if tagged[key] >= DESCRIBED_TAGS]
    _match_mentions(text, ranges, kept)
    return kept


_INTRODUCING = re.compile(rf"(?:\bI['’]m|\bI am|\b[Mm]y name(?: is|['’]s)|\b[Cc]all me"
                          rf"|(?<![\w'’])This is)[ \t]+"
                         rf"({_WORD}\.?(?:[ \t]+{_WORD}){{0,2}})(?!['’]s\b)")


def _introduced_in_quotes(text: str, quotes: list[tuple[int, int]], groups: list[_Group],
                          lower: Counter[str]) -> list[_Group]:
    """Someone who gives their own name in a line ("Sorry to interrupt. I'm Theo Marsh, from
    upstairs.", on the phone "This is Sergeant Pia Lowe."), a listed first name, or a full or
    titled name ("This is" only with a title: "This is Kit" shows someone else; not a word the text
    also writes in lower case: "I'm Fine"), is a character though the narration never names them:
    a newcomer, or a voice on the line."""
    by_name = {name: group for group in groups for alias in group.aliases for name in _parse(alias, 0).names}
    found: list[_Group] = []
    for a, b in quotes:
        for m in _INTRODUCING.finditer(text, a, b):
            form = _parse(m.group(1), 1)
            titled = form.title is not None
            if m.group(0).startswith("This") and not titled or not titled and len(form.names) == 1 \
                    and (form.names[0] not in first_names() or lower[form.names[0].lower()]) \
                    or any(_bare(n) in _NEVER_NAMES for n in form.names):
                continue
            full = m.group(1).rstrip(".") if titled or len(form.names) > 1 else form.names[0]
            known = next((group for group in groups + found if full in group.aliases), None)
            if known is not None or any(name in by_name for name in form.names):
                if known is not None:  # found in this line alone, so far
                    known.introduced = True
                continue  # "I am Lord Henry": clustering knows whose the parts are
            aliases = [full, " ".join(form.names), form.names[0]]
            if titled:
                aliases.append(f"{m.group(1).split()[0]} {form.names[-1]}")
            group = _Group(aliases=list(dict.fromkeys(aliases)), name=" ".join(form.names), introduced=True,
                           gender_hint=_title_gender(form.title) if titled else _listed_gender(form.names))
            found.append(group)
            by_name.update(dict.fromkeys(form.names, group))
    return found


# What a family (or a team) calls someone, which the narration of a story told from inside it
# writes as a name: "Mum came through with the gravy", "said Dad", "Coach didn't slam it".
FAMILY_CALLED: dict[str, Gender] = {
    **dict.fromkeys(("Mum", "Mom", "Mummy", "Mommy", "Mama", "Mamma", "Ma", "Gran", "Granny", "Grandma",
                     "Nana", "Nan", "Auntie", "Aunty"), "she"),
    **dict.fromkeys(("Dad", "Daddy", "Papa", "Pa", "Grandpa", "Granddad", "Grandad", "Gramps"), "he"),
    "Coach": "unknown",
}
_FAMILY_NAME = re.compile(r"(?<![\w'’-])({})(?![\w-]|['’](?!s\b)|[ \t]+[A-Z]|['’]s[ \t]+[A-Z])".format(
    "|".join(sorted(FAMILY_CALLED, key=len, reverse=True))))
_OWNED_BEFORE = re.compile(r"(?:\b(?:[Mm]y|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur|[Yy]our|[Tt]he|[Aa]n?|[Tt]his"
                           r"|[Tt]hat)"
                           r"|['’]s)[ \t]+$")


def _family_called(text: str, ranges: list[tuple[int, int]], quotes: list[tuple[int, int]],
                   groups: list[_Group]) -> list[_Group]:
    """Mum, Dad, Gran, Coach, written as names in the narration ("said Mum", "Dad sat down slowly",
    not "his mum" nor "Coach Brennan") at least ``MIN_MENTIONS`` times, or once as a speech tag:
    characters of their own, of the word's gender, unless a character already has the name (a
    first-person narrator's "my mum", called "Mum"). Their mentions are the narration's: in dialogue
    "Mum" may be anyone's mother ('"Mum, the doctor said—"' from her son to his)."""
    taken = {alias for group in groups for alias in group.aliases}
    found: dict[str, list[tuple[int, int]]] = defaultdict(list)
    tags: Counter[str] = Counter()  # speech tags ("said Mum")
    acts: Counter[str] = Counter()  # acts or speaks ("Dad sat down", "Mum said")
    for a, b in ranges:
        for m in _FAMILY_NAME.finditer(text, a, b):
            word = m.group(1)
            if word in taken or _inside(quotes, m.start()) \
                    or _OWNED_BEFORE.search(text, max(a, m.start() - 8), m.start()):
                continue
            found[word].append(m.span())
            tags[word] += _tagged_quote(text, quotes, m.start()) is not None
            acts[word] += bool(_ACTS_AFTER.match(text, m.end()) or _SPEECH_AFTER.match(text, m.end()))
    return [_Group(aliases=[word], name=word, gender_hint=FAMILY_CALLED[word], described=True, spans=spans)
            for word, spans in found.items()
            if tags[word] or acts[word] and len(spans) >= MIN_MENTIONS]


def is_narrator_name(name: str) -> bool:
    """Whether a cast or gold name stands for the first-person narrator: "I", "Narrator",
    LitBank's "Rudolf narrator"."""
    return _NARRATOR_NAME.search(name) is not None


_NARRATOR_NAME = re.compile(r"(?i)^I$|\bnarrator$")  # "Rudolf narrator", not "the Narrator's Mother"


def _narrating(text: str, ranges: list[tuple[int, int]], quotes: list[tuple[int, int]],
               pronouns: re.Pattern[str]) -> list[tuple[int, int]] | None:
    """The ``pronouns`` outside dialogue, when they make at least ``NARRATOR_RATE`` of its words
    (and five): the person the story is told by, or to."""
    spans = [(m.start() + a, m.end() + a) for a, b in ranges for m in pronouns.finditer(text[a:b])]
    chat = [(m.start() + a, m.end() + a) for a, b in ranges for m in _CHAT_LINE.finditer(text[a:b])]
    spans = [(s, e) for s, e in spans if not _inside(quotes, s) and not _inside(chat, s)]
    if len(spans) < 5 or len(spans) < NARRATOR_RATE * _words_outside(text, ranges, quotes):
        return None
    return spans


def _second_person_reader(text: str, ranges: list[tuple[int, int]], quotes: list[tuple[int, int]],
                          groups: list[_Group], cast_given: bool = False) -> _Group | None:
    """A story told to "you" ("You push the door open."): the reader ("Y/N" if the text writes it,
    else a new "Reader") stands where a first-person narrator would; their spans also hold
    "you"/"your" outside dialogue. A given cast gets no new character."""
    spans = _narrating(text, ranges, quotes, _SECOND_PERSON)
    if spans is None:
        return None
    reader = next((g for g in groups if g.name == READER), None)
    if reader is None and cast_given:
        return None
    if reader is None:  # "Y/N" written too seldom to be a character of its own is still the reader's
        called = [(m.start(), m.end()) for a, b in ranges for m in _READER_NAME.finditer(text, a, b)]
        reader = _Group(aliases=[READER, *{text[s:e] for s, e in called}] if called else [],
                        name=READER if called else "Reader")
        reader.spans.extend(called)
        groups.append(reader)
    reader.spans.extend(spans)
    return reader


def _named_by_others(text: str, groups: list[_Group], quotes: list[tuple[int, int]]) -> _Group | None:
    """The one a first-person text names only in its dialogue, called by name at least twice ("Well,
    Watson?"), or once if the name is a known first name ("..., actually, Molly."): the narration
    says "I" for them. The most called such group, if any."""
    best, most = None, 0
    for group in groups:
        if group.described or not group.spans or not all(_inside(quotes, s) for s, _ in group.spans):
            continue
        called = sum(1 for s, e in group.spans
                     if _CALLED.search(text, max(0, s - 2), s) and _CALLED_END.match(text, e))
        known = any(word in first_names() for alias in group.aliases for word in _tokens(alias))
        if called > most and (called >= 2 or known):  # "I came to see you, actually, Molly."
            best, most = group, called
    return best


def _infer_gender(text: str, group: _Group, groups: list[_Group], quotes: list[tuple[int, int]]) -> Gender:
    """he / she / they / unknown from titles, first names, person words and following pronouns."""
    votes: dict[str, float] = defaultdict(float)
    person_words = person_word_genders()
    titles = {g for a in group.aliases if (g := _title_gender(_parse(a, 0).title)) != "unknown"}
    titles |= {g for a in group.aliases if len(words := a.split()) > 1 and words[-1] in _EPITHET_TITLES
               and (g := _title_gender(words[-1])) != "unknown"}  # "the Dark Lord"
    if len(titles) == 1:
        return titles.pop()
    if group.described and group.gender_hint != "unknown":
        return group.gender_hint  # "the cashier is a girl with green hair"
    head = re.split(r"\s(?:in|with|of)\s", group.name)[0].split()[-1].split("-")[-1].lower()
    if group.described and person_words.get(head, "unknown") != "unknown":
        return person_words[head]  # "the landlady", "the man with the black beard", "the charity-boy"
    names = _parse(group.name, 0).names or group.name.split()[-1:] or [""]
    word = names[0]
    prior = _listed_gender(names)
    if prior == "unknown" and word == group.name.removeprefix("the "):  # "Granny", "the Duchess", "the lady"
        prior = person_words.get(word.lower()) or _title_gender(word)
    if prior != "unknown":
        votes[prior] += NAME_PRIOR
    for start, _ in group.spans:
        before = _WORD_BEFORE.search(text, max(0, start - 16), start)
        # "Do you hear the gentleman, Jo?" calls Jo; "my gal, Jo" says who she is
        vocative = bool(before and "," in before.group() and _inside(quotes, start)
                        and not _OWNER_BEFORE.search(text, max(0, start - 24), before.start()))
        if before and before.group(1).lower() in person_words and not vocative:
            votes[person_words[before.group(1).lower()]] += 3
    for gender, weight in _pronoun_votes(text, group.spans, _mention_starts(groups), quotes,
                                         next_sentence=not group.described).items():
        votes[gender] += weight
    return _pronoun_verdict(votes)


def _pronoun_votes(text: str, spans: list[tuple[int, int]], boundaries: list[int],
                   quotes: list[tuple[int, int]], next_sentence: bool = False) -> dict[str, float]:
    """he/she/they votes: the pronoun after each mention outside dialogue, weighted down when
    the mention is not a likely subject; with ``next_sentence``, for a character's gender (not
    for the clusters, which it would blur), the "He" or "She" opening the next sentence too."""
    votes: dict[str, float] = defaultdict(float)
    for start, end in spans:
        if _NARRATING_PRONOUN.fullmatch(text, start, end):
            continue
        if _inside(quotes, start):  # "Thank Nurse Trent. She's the one who found it.": said of her
            told = _TOLD_OF.match(text, end) if next_sentence else None
            if told:
                votes["he" if told.group(1) else "she"] += 1.0
            continue
        pronoun = _pronoun_after(text, end, boundaries, quotes, own_clause=next_sentence)
        subject = _starts_sentence(text, start) or bool(  # "said Ezra. He ...": a tag's subject too
            _CLAUSE_BEFORE.search(text, max(0, start - 12), start)
            or _SPEECH_BEFORE.search(text, max(0, start - 20), start) or _SPEECH_AFTER.match(text, end)
            or _acts_on_its_own(text, end)  # "a moment later Pip appeared, rubbing his eyes"
        )
        if pronoun is None and next_sentence and _starts_sentence(text, start):
            pronoun = _next_sentence_pronoun(text, end)
        if pronoun:
            votes[pronoun[0]] += pronoun[1] * (1.0 if subject else 0.25)
    return votes


def _acts_on_its_own(text: str, end: int) -> bool:
    """Whether the name ending at ``end`` is the subject of the verb after it, and that verb's
    pronoun is not the next clause's subject ("Rowan knew he was not annoyed": he is Ezra)."""
    verb = _ACTS_AFTER.match(text, end)
    return verb is not None and not _CLAUSE_PRONOUN.match(text, verb.end())


def _pronoun_verdict(votes: dict[str, float]) -> Gender:
    he, she, they = votes.get("he", 0.0), votes.get("she", 0.0), votes.get("they", 0.0)
    if max(he, she) >= 1 and max(he, she) >= 1.5 * min(he, she):
        return "he" if he > she else "she"
    if they >= THEY_VOTES and he + she <= they / 4:  # a stray "he" nearby is someone else's
        return "they"
    return "unknown"


def _next_sentence_pronoun(text: str, end: int) -> tuple[str, float] | None:
    """ "El was off the couch before Hopper could turn. She yanked the door open.": the "He" or
    "She" opening the sentence after the one a name opens is that name's, past a name in between."""
    stop = _SENTENCE_STOP.search(text, end, end + PRONOUN_WINDOW)
    if stop is None or "\n\n" in text[end:stop.end()]:
        return None
    opening = _OPENING_PRONOUN.match(text, stop.end())
    if opening is None or _OBJECT_PRONOUN[bool(opening.group(1))].search(text, end, stop.start()):
        return None  # "Emma was waiting for him. He heard voices.": the "He" is that "him"
    return ("he" if opening.group(1) else "she"), 1.0


def _mention_starts(groups: list[_Group]) -> list[int]:
    return sorted(s for g in groups for s, _ in g.spans)


def _pronoun_after(text: str, end: int, boundaries: list[int], quotes: list[tuple[int, int]],
                   own_clause: bool = False) -> tuple[str, float] | None:
    """The first third-person pronoun after a mention, before the next mention or paragraph.
    ``own_clause``: a "her" + noun a few words into the name's own clause is hers ("Mara hid a
    grin behind her mug"); for a character's gender only, as "Pontellier looked at her face"
    would make the husband's bare surname his wife's."""
    i = bisect_right(boundaries, end)
    limit = min(end + PRONOUN_WINDOW, boundaries[i] if i < len(boundaries) else len(text))
    paragraph = text.find("\n\n", end, limit)
    limit = paragraph if paragraph >= 0 else limit
    others = set()  # "him"/"them" passed: someone else, whose "he"/"they" may come next
    for m in _THIRD_PERSON.finditer(text, end, limit):
        if _inside(quotes, m.start()):
            continue
        word = m.group().lower()
        if word in ("him", "them"):
            others.add("he" if word == "him" else "they")  # an object or a group: someone else, most often
            continue
        if m.group(1):
            return None if "he" in others else ("he", 1.0)  # "Emma waited for him. He heard voices."
        if m.group(2):  # "her" is as often another woman's; "Annabeth leaned her shoulder" is hers
            own = word == "her" and (_OWN_POSSESSIVE.fullmatch(text, end, m.start())
                                     or own_clause and _OWN_CLAUSE.fullmatch(text, end, m.start())) \
                and _LOWER_NEXT.match(text, m.end())
            return ("she", 0.3) if word == "her" and not own else ("she", 1.0)
        if "they" in others:
            return None
        return ("they", 0.3) if word == "their" else ("they", 0.5)  # "Rowan rolled their eyes"
    return None
