"""Word lists the stages share: first names, and person words with the gender they carry.

The lists in ``ficlens/data`` (``names_*.txt``, ``person_words_*.txt``) come from
coreferee (MIT) and WordNet (see docs/characters.md); ``KIN_AND_ROLE_WORDS`` are our
own additions, the words fiction most often calls people by ("mum", "landlady", "the
vicar"). Characters read them for gender and for "his sister Juno"; attribution for
"said her brother". Pet names ("Lizzy" for Elizabeth) come from the ``nicknames``
package (Apache-2.0).
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from nicknames import NickNamer

from .model import Gender

# Present-tense tag verbs, fan fiction's tense ('"Natasha," Steve groans.'); most are nouns too ("hear
# whispers", "hard sobs"), so a tag takes one only after its subject.
PRESENT_SPEECH_VERBS = (
    "whispers|murmurs|mutters|calls|shouts|yells|cries|snaps|sighs|laughs|groans|hisses|grins|smiles|"
    "continues|exclaims|admits|agrees|insists|offers|teases|jokes|mumbles|growls|grumbles|snorts|scoffs|"
    "huffs|protests|demands|begs|explains|interrupts|repeats|counters|quips|whines|complains|argues|"
    "corrects|suggests|announces|breathes|croaks|chokes|drawls|purrs|sneers|smirks|pouts|shrugs|nods|"
    "beams|chirps|promises|warns|reminds|assures|soothes|coos|begins|finishes|prompts|echoes|greets|"
    "objects|guesses|orders|rasps|spits|sniffs|stammers|stutters|sobs|pleads|retorts|responds|mocks|"
    "barks|snarls|shrieks|squeaks|gasps|chuckles|giggles|sings|goes on|trails off|cuts in|chimes in|"
    "deadpans|singsongs|snickers|crows|gushes|chides|sasses|taunts|wheezes|coaxes|cackles|hollers|bellows|"
    "roars|wails|whimpers|points out|pipes up|speaks up|shoots back"
)

# The same verbs as "I", "we", "you" or singular "they" say them in the present ('"Late," I tell her.',
# '"Fine," they sigh.'): most are nouns too ("a sigh"), so a tag takes one only after that subject.
PLAIN_PRESENT_SPEECH_VERBS = (
    "tell|snap|laugh|sigh|groan|hiss|grin|smile|continue|admit|agree|insist|offer|tease|joke|mumble|growl|"
    "grumble|snort|scoff|huff|demand|beg|repeat|counter|quip|whine|complain|argue|correct|suggest|announce|"
    "breathe|croak|choke|drawl|sneer|smirk|pout|shrug|nod|beam|promise|warn|remind|assure|finish|prompt|"
    "greet|guess|rasp|spit|sniff|stammer|stutter|sob|plead|respond|mock|bark|snarl|shriek|squeak|gasp|"
    "chuckle|giggle|sing|yell|confess|blurt|point out|cut in|chime in|pipe up|speak up|shoot back|trail off"
)

# Verbs of a person acting, as a sentence's subject does them ("Kurt shrugged", "Nat strolls in").
PAST_ACTS = (
    "[a-z]{2,}ed|came|went|sat|stood|took|made|gave|ran|got|held|left|felt|saw|knew|began|brought|caught|"
    "fell|found|kept|rose|shook|spoke|threw|told|woke|drew|grew|hid|hung|bit|broke|chose|drove|froze|led|"
    "lost|met|rang|sang|sent|shut|stole|stuck|struck|swung|tore|wore|wrote|put|set|let|cut|hit|swept|crept|"
    "slept|knelt|leapt|spun|strode|slid|bent|sank|sprang|flung|clung|wept|heard|thought|blew|flew|fled|"
    "shot|spat|sped|dove|shone|lit|did"
)
PRESENT_ACTS = (
    "comes|goes|sits|stands|takes|makes|gives|runs|gets|holds|leaves|feels|sees|knows|brings|catches|falls|"
    "finds|keeps|rises|shakes|throws|tells|wakes|draws|walks|strolls|steps|turns|looks|glances|stares|"
    "leans|grabs|pulls|pushes|drops|picks|puts|reaches|opens|closes|rolls|shrugs|frowns|blinks|pauses|"
    "hesitates|raises|lifts|points|slams|storms|marches|wanders|strides|hurries|rushes|appears|arrives|"
    "enters|follows|kisses|hugs|tugs|waves|winks|watches|waits|steals|slips|sinks|jumps|climbs|drags|flops|"
    "slides|settles|snorts|scoffs|huffs|rubs|tilts|hands|passes|crosses|kicks|knocks|peeks|shoves|"
    "snatches|squeezes|stretches|wraps|yawns|bites|sips|drinks|eats|spins|swings|tosses|wipes|flinches|"
    "freezes"
)

# Verbs that tell speech in a tag ("said", "rejoined", "piped up"), past and present.
SPEECH_VERBS = (
    "said|says|say|asked|asks|ask|replied|replies|reply|answered|answers|answer|cried|cry|called|call|shouted|"
    "mouthed|mouths|"
    "yelled|whispered|murmured|muttered|added|adds|continued|began|begin|exclaimed|snapped|repeated|insisted|"
    "laughed|sighed|groaned|hissed|screamed|returned|rejoined|observed|remarked|went on|go on|breathed|"
    "mumbled|stammered|sobbed|pleaded|begged|demanded|agreed|explained|retorted|interrupted|protested|"
    "corrected|offered|teased|joked|sang|spoke|growled|grumbled|grunted|squeaked|shrieked|gasped|chuckled|"
    "giggled|snorted|scoffed|smiled|grinned|suggested|declared|announced|admitted|confessed|promised|warned|"
    "urged|ventured|resumed|persisted|concluded|conclude|responded|inquired|enquired|queried|stated|told|tells|"
    "thought|thinks|wondered|mused|reflected|drawled|purred|roared|bellowed|moaned|wailed|whimpered|"
    "blurted|quipped|countered|pointed out|cut in|chimed in|put in|shot back|piped up|broke in|struck in|"
    "burst out|broke out|spoke up|commented|noted|mentioned|reminded|informed|assured|whined|complained|"
    "argued|reasoned|mocked|scolded|soothed|cooed|managed|choked|croaked|spat|sniffed|huffed|rasped|"
    "stuttered|trailed off|finished|pressed|prompted|supplied|echoed|greeted|objected|conceded|guessed|"
    "accused|challenged|threatened|ordered|commanded|instructed|sneered|smirked|beamed|chirped|pouted|"
    "shrugged|nodded|asserted|interposed|quavered|puffed|panted|faltered|hazarded|volunteered|pursued|"
    "ejaculated|vociferated|simpered|thundered|lisped|entreated|chattered|proceeded|"
    "questioned|reiterated|bawled|snarled|barked|spluttered|sputtered|remonstrated|expostulated|interjected|"
    "assented|cautioned|hinted|reported|wept|accosted|addressed|hailed|protest|ended|howled|yelped|"
    "screeched|squealed|proposed|exploded|whisper|exclaim|remark|observe|murmur|mutter|shout|add|declare|"
    "retort|inquire|enquire|explain|interrupt|acquiesced|submitted|contradicted|counselled|boomed|implored|"
    "jeered|crooned|rapped|droned|enunciated|blubbered|hooted|tittered|requested|nagged|drivelled|marveled|"
    "marvelled|pronounced|uttered|renewed|warbled|quoth|piped|yawned|hummed|crowed|gushed|chided|griped|"
    "hollered|sniped|snarked|tutted|wheezed|intoned|cajoled|coaxed|singsonged|sassed|needled|groused|"
    "blustered|deadpanned|trilled|snickered|taunted|goaded|confided|bragged|boasted|cackled|slurred|"
    "saying|asking|replying|answering|crying|calling|shouting|whispering|murmuring|muttering|adding|"
    "exclaiming|observing|remarking|returning|repeating|beginning|concluding|declaring|interrupting|"
    "explaining|inquiring|enquiring|protesting|speaking|rejoining|continuing|going on|"
    + PRESENT_SPEECH_VERBS
)

KIN_AND_ROLE_WORDS: dict[str, Gender] = {
    **dict.fromkeys("brother father husband uncle nephew grandfather grandson stepbrother dad daddy papa "
                    "mr boyfriend son man boy gentleman lad fiancé widower king prince duke earl baron "
                    "squire vicar parson rector curate policeman landlord barman waiter lord emperor "
                    "knight marquis viscount abbot monk wizard sultan tsar lordship nobleman clergyman "
                    "chairman foreman postman fireman horseman workman countryman kinsman footman butler "
                    "valet coachman groom bridegroom godfather schoolmaster headmaster beadle "
                    "senor".split(), "he"),
    **dict.fromkeys("sister mother wife aunt niece grandmother granddaughter stepsister mom mum mommy "
                    "mamma mama girlfriend daughter woman girl lady fiancée widow queen princess duchess "
                    "countess baroness female landlady barmaid waitress policewoman empress marchioness "
                    "viscountess abbess nun priestess sorceress heiress hostess actress tsarina ladyship "
                    "housemaid chambermaid milkmaid governess seamstress laundress washerwoman charwoman "
                    "kinswoman schoolmistress headmistress bride godmother stepmother senora fraulein "
                    "frau mademoiselle".split(), "she"),
}

# Titles of an office or a rank, and titles of the nobility: each also names one person on its own,
# as "the Doctor" or "the King" does.
OFFICE_TITLES = frozenset("Doctor Professor Captain Colonel Major General Admiral Judge Coach Detective "
                          "Sergeant Lieutenant Parson Vicar Inspector Commander Sheriff Mayor "
                          "Governor Constable Superintendent Commissioner Chancellor Director "
                          "Warden".split())
ROLE_TITLES = OFFICE_TITLES | frozenset("King Queen Prince Princess Duke Duchess Count Countess Baron "
                                        "Baroness".split())
# Other spellings of a title -> the one a name is filed under ("Prof. Vane" is "Professor Vane")
TITLE_SPELLINGS = {"Mister": "Mr", "Mistah": "Mr", "Missus": "Mrs", "Doctor": "Dr", "Reverend": "Rev",
                   "Prof": "Professor", "Capt": "Captain", "Col": "Colonel", "Lt": "Lieutenant",
                   "Sgt": "Sergeant", "Mme": "Madame", "Mlle": "Mademoiselle", "St": "Saint"}

# What only a person has, written after a possessive: "Ines's head" is someone's, "Lisbon's
# streets" are not; and "Kurt's hand" puts Kurt in the room where "Mr. Beebe's books" do not.
PERSON_PARTS = frozenset("head hand hands face eyes eye arm arms shoulder shoulders hair mouth lips cheek "
                         "cheeks neck knee knees finger fingers chin nose forehead brow wrist wrists lap "
                         "chest ear ears jaw throat smile gaze voice expression breath".split())

# People known by what they do: "The barista slid the cups across. "Two lattes."" is someone of
# the story's, however rarely named.
ROLE_NOUNS = frozenset(
    "waiter waitress barman barmaid policeman policewoman parson barista bartender cashier clerk "
    "receptionist nurse doctor surgeon paramedic medic teacher professor "
    "tutor coach driver cabbie cabman chauffeur pilot guard jailer turnkey officer constable cop detective "
    "inspector sergeant lieutenant captain soldier sentry bouncer janitor porter doorman concierge "
    "librarian shopkeeper vendor cook chef baker butcher servant footman housekeeper attendant "
    "stranger newcomer pharmacist dentist vet therapist counselor counsellor principal headmaster "
    "headmistress secretary manager boss neighbour neighbor landlord landlady innkeeper server "
    "stewardess steward conductor ranger sheriff deputy judge magistrate lawyer clergyman priest vicar "
    "rector curate minister healer mechanic photographer reporter journalist interviewer".split())

# Appearance and comparison epithets fan fiction gives its named characters ("the blond", "the
# taller boy"): descriptions of someone already named, not characters of their own.
EPITHETS = frozenset({"blond", "blonde", "brunet", "brunette", "redhead", "ginger", "taller", "shorter",
                      "smaller", "bigger", "larger", "older", "younger"})
# Epithets that set two people apart: "the older woman" is not "the younger detective".
OPPOSITE_EPITHETS = {"older": "younger", "younger": "older", "taller": "shorter", "shorter": "taller",
                     "bigger": "smaller", "larger": "smaller", "smaller": "bigger"}

# Honorifics anime and K-pop fan fiction hangs on a name ("Todoroki-kun", "Aizawa-sensei",
# "Jimin-ssi", "Yoongi-hyung"): only a person wears one, and the name before it is who is meant.
HONORIFIC_SUFFIX = re.compile(r"-(?:kun|chan|san|sama|sensei|senpai|sempai|kouhai|kohai|dono|tan|nii|nee|"
                              r"nii-san|nee-san|niisan|neesan|nii-chan|nee-chan|ssi|nim|hyung|hyungnim|noona|"
                              r"nuna|oppa|unnie|eonni|sunbae|sunbaenim|gege|jiejie|didi|meimei|xiong|jie)(?![\w-])")


@cache
def word_list(name: str) -> frozenset[str]:
    """The words of one list in ``ficlens/data`` (one a line, ``#`` comments)."""
    lines = resources.files("ficlens.data").joinpath(name).read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def gendered_names(gender: str) -> frozenset[str]:
    """coreferee's first names of one gender ("male", "female"), and ours from fiction ("Hermione")."""
    return word_list(f"names_{gender}.txt") | word_list(f"names_fiction_{gender}.txt")


@cache
def first_names() -> frozenset[str]:
    """Every first name on either list: a sign of a person, whatever the gender."""
    return gendered_names("male") | gendered_names("female")


@cache
def person_word_genders() -> dict[str, Gender]:
    """Lower-cased person words with one gender ("uncle" he, "aunt" she); a word on both lists
    has none."""
    male, female = word_list("person_words_male.txt"), word_list("person_words_female.txt")
    words: dict[str, Gender] = {w.lower(): "he" for w in male - female}
    words.update({w.lower(): "she" for w in female - male})
    return {**words, **KIN_AND_ROLE_WORDS}


@cache
def _nick_namer() -> NickNamer:
    return NickNamer()


def formal_names(nickname: str) -> frozenset[str]:
    """The lower-cased given names a pet name is short for ("Lizzy" -> {"elizabeth"}); none when
    it is no known pet name."""
    return frozenset(_nick_namer().canonicals_of(nickname.lower()))
