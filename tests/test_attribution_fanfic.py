"""Speakers in fan-fiction dialogue patterns, end to end through ``ficlens.analyze``.

Each fixture in ``tests/fixtures/attribution/`` is a short invented scene built around
one pattern that fan fiction leans on (action beats, untagged follow-up quotes, a third
character walking in, vocative hand-offs, "he said" between two men, ...). Every spoken
quote is checked. Cases the pipeline gets wrong today are strict xfails with the cause
(``WRONG_TODAY``), so a fix turns them into loud XPASS failures: then drop the entry.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

import ficlens
from ficlens.model import Quote, StoryWorld

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "attribution"
SPOKEN = ("speech", "thought")

# (fixture, the quote's opening words, its speaker): every spoken quote of every fixture.
EXPECTED = [
    # An untagged second quote in a paragraph keeps the paragraph's speaker, even when the
    # narration between the two quotes names the other character.
    ("untagged-second-quote.txt", "You missed the bus", "Felix"),
    ("untagged-second-quote.txt", "I missed it", "Nora"),
    ("untagged-second-quote.txt", "Budge up", "Nora"),
    ("untagged-second-quote.txt", "Then go inside", "Felix"),
    ("untagged-second-quote-two-men.txt", "So what's the plan", "Declan"),
    ("untagged-second-quote-two-men.txt", "I was hoping", "Owen"),
    ("untagged-second-quote-two-men.txt", "There's a film", "Owen"),
    ("untagged-second-quote-two-men.txt", "Then it's a date", "Declan"),
    # "Name verbed. "..."": an action beat ending in a full stop right before the quote
    # names the speaker, against the two-person alternation.
    ("beat-breaks-alternation.txt", "We should have bought", "Owen"),
    ("beat-breaks-alternation.txt", "We should have hired", "Ruth"),
    ("beat-breaks-alternation.txt", "Or moved house", "Ruth"),
    ("beat-breaks-alternation.txt", "You would miss", "Owen"),
    # "Catching Owen's eye, Ruth shrugged. "..."": the subject follows a participle phrase.
    ("participial-beat.txt", "Can we go now", "Owen"),
    ("participial-beat.txt", "In a minute", "Ruth"),
    ("participial-beat.txt", "He always does", "Ruth"),
    # 'Declan swung round to the table with a breezy "..."': the quote sits inside narration
    # whose sentence opens with the other man ("He had barely ... before Declan ...").
    ("quick-quote-in-narration.txt", "How did I sound", "Felix"),
    ("quick-quote-in-narration.txt", "Like a man", "Declan"),
    ("quick-quote-in-narration.txt", "early start", "Declan"),
    # '... whispered against her ear; "..."': a tag introduced by a semicolon.
    ("semicolon-lead-in.txt", "How much longer", "Hattie"),
    ("semicolon-lead-in.txt", "Two more speakers", "Declan"),
    ("semicolon-lead-in.txt", "we could always", "Declan"),
    # '"..." He grabbed Owen's hand': a beat after the quote whose object is the other man.
    ("beat-object-after-quote.txt", "We'll never make it", "Owen"),
    ("beat-object-after-quote.txt", "We will if we run", "Felix"),
    ("beat-object-after-quote.txt", "Then run", "Felix"),
    # "he said" between two men: the subject of the beat before the quote decides.
    ("he-said-two-men.txt", "Drink this", "Declan"),
    ("he-said-two-men.txt", "You look frozen", "Declan"),
    ("he-said-two-men.txt", "I'm fine", "Owen"),
    ("he-said-two-men.txt", "Your turn", "Owen"),
    ("he-said-two-men.txt", "You're shivering", "Owen"),
    # A phone call, then the same man speaks again (a participial beat names him): the
    # conversation does not alternate, and the narration before the call says who answers.
    ("phone-call-same-speaker.txt", "Hello? Now?", "Declan"),
    ("phone-call-same-speaker.txt", "Work. I'm sorry", "Declan"),
    ("phone-call-same-speaker.txt", "And the waffles", "Felix"),
    ("phone-call-same-speaker.txt", "Save me some", "Declan"),
    # A third character walks into a two-person conversation and speaks untagged.
    ("new-character-enters.txt", "That'll be the wind", "Felix"),
    ("new-character-enters.txt", "That'll be your sister", "Nora"),
    ("new-character-enters.txt", "Felix, have you seen", "Tess"),
    ("new-character-enters.txt", "Not since Sunday", "Felix"),
    ("new-character-enters.txt", "Of course I checked", "Tess"),
    # A first-person narrator ("I say") talking with a friend the narration calls "she": her
    # gender comes from "When Dani finally arrives, she's ...", so "She grins at me" is hers.
    ("first-person-coffee.txt", "You look like you ran here", "Jess"),
    ("first-person-coffee.txt", "I did run here", "Dani"),
    ("first-person-coffee.txt", "Oh god, that's cold", "Dani"),
    ("first-person-coffee.txt", "Whose fault is that", "Jess"),
    ("first-person-coffee.txt", "Yours, for buying it early", "Dani"),
    ("first-person-coffee.txt", "Come on, Jess", "Dani"),
    ("first-person-coffee.txt", "And what do you want", "Jess"),
    ("first-person-coffee.txt", "I want to paint", "Dani"),
    ("first-person-coffee.txt", "But try telling my mom", "Dani"),
    ("first-person-coffee.txt", "I'll tell her", "Jess"),
    ("first-person-coffee.txt", "She'd eat you alive", "Dani"),
    ("first-person-coffee.txt", "Probably", "Jess"),
    ("first-person-coffee.txt", "But I'd do it anyway", "Jess"),
    ("first-person-coffee.txt", "Hey, Jess", "Marcus"),
    ("first-person-coffee.txt", "Did Dani tell you", "Marcus"),
    ("first-person-coffee.txt", "What party", "Jess"),
    ("first-person-coffee.txt", "Saturday. My place", "Marcus"),
    ("first-person-coffee.txt", "Even her", "Marcus"),
    ("first-person-coffee.txt", "Wow, thanks", "Dani"),
    # British single quotes, notes around the story, and replies right after a paragraph whose
    # own quote has its tag ("'There you are,' Rhys said, and Tom jumped."): that tag is spent,
    # it does not introduce the next paragraph's reply.
    ("single-quotes-boiler.txt", "Tom? You home?", "Rhys"),
    ("single-quotes-boiler.txt", "There you are", "Rhys"),
    ("single-quotes-boiler.txt", "Christ, you scared me", "Tom"),
    ("single-quotes-boiler.txt", "You're early", "Tom"),
    ("single-quotes-boiler.txt", "Meeting got cancelled", "Rhys"),
    ("single-quotes-boiler.txt", "Is that the boiler", "Rhys"),
    ("single-quotes-boiler.txt", "It's making the noise", "Tom"),
    ("single-quotes-boiler.txt", "The clanking noise", "Rhys"),
    ("single-quotes-boiler.txt", "Both.", "Tom"),
    ("single-quotes-boiler.txt", "I rang the landlord", "Tom"),
    ("single-quotes-boiler.txt", "Come here", "Rhys"),
    ("single-quotes-boiler.txt", "He's warm", "Tom"),  # "*He's warm,* Tom thought."
    ("single-quotes-boiler.txt", "How is he always so warm", "Tom"),
    ("single-quotes-boiler.txt", "Better?", "Rhys"),
    ("single-quotes-boiler.txt", "Mm.", "Tom"),
    ("single-quotes-boiler.txt", "Don't let go yet", "Tom"),
    ("single-quotes-boiler.txt", "He brought biscuits", "Tom"),
    ("single-quotes-boiler.txt", "Bribery.", "Rhys"),
    ("single-quotes-boiler.txt", "Working bribery", "Tom"),
    # Three voices in a kitchen: one woman tagged "she said", two men named in their tags, a
    # second quote after an action beat in the same paragraph.
    ("bake-off-three-voices.txt", "Is it supposed to look", "Leon"),
    ("bake-off-three-voices.txt", "Yes,", "Priya"),
    ("bake-off-three-voices.txt", "Go away", "Priya"),
    ("bake-off-three-voices.txt", "It looks lumpy", "Leon"),
    ("bake-off-three-voices.txt", "It's supposed to look lumpy", "Priya"),
    ("bake-off-three-voices.txt", "On a cake", "Leon"),
    ("bake-off-three-voices.txt", "One more word", "Priya"),
    ("bake-off-three-voices.txt", "Careful!", "Oscar"),
    ("bake-off-three-voices.txt", "These are for the compote", "Oscar"),
    ("bake-off-three-voices.txt", "Since when are we", "Leon"),
    ("bake-off-three-voices.txt", "Since Priya decided", "Oscar"),
    ("bake-off-three-voices.txt", "Didn't you, Pri", "Oscar"),
    ("bake-off-three-voices.txt", "It needs something", "Priya"),
    ("bake-off-three-voices.txt", "The judges always say", "Priya"),
    ("bake-off-three-voices.txt", "The judges are your aunties", "Leon"),
    ("bake-off-three-voices.txt", "My aunties are", "Priya"),
    ("bake-off-three-voices.txt", "Auntie Meera made", "Priya"),
    ("bake-off-three-voices.txt", "I did not cry", "Oscar"),
    ("bake-off-three-voices.txt", "I had flour", "Oscar"),
    ("bake-off-three-voices.txt", "Sure you did", "Leon"),
    ("bake-off-three-voices.txt", "Well?", "Oscar"),
    ("bake-off-three-voices.txt", "Told you", "Leon"),
    # Texts in chat format, then two boys in a kitchen; one is named only at the start of his
    # sentences and after quotes ("Nico said"), yet he is a character.
    ("late-night-texts.txt", "Hey,", "Arlo"),
    ("late-night-texts.txt", "Hey yourself", "Nico"),
    ("late-night-texts.txt", "You okay?", "Nico"),
    ("late-night-texts.txt", "They'll stop eventually", "Arlo"),
    ("late-night-texts.txt", "I just didn't want", "Arlo"),
    ("late-night-texts.txt", "You can stay", "Nico"),
    ("late-night-texts.txt", "Mum won't mind", "Nico"),
    ("late-night-texts.txt", "Everyone likes me", "Arlo"),
    ("late-night-texts.txt", "Wow. Kick a man", "Nico"),
    # A they/them character ("Missed you," they said) between a man and a woman at a party.
    ("party-they-them.txt", "You made it!", "Mags"),
    ("party-they-them.txt", "We thought you'd bailed", "Mags"),
    ("party-they-them.txt", "I never bail", "Rowan"),
    ("party-they-them.txt", "I just arrive", "Rowan"),
    ("party-they-them.txt", "Two hours late", "Ezra"),
    ("party-they-them.txt", "It's rude", "Ezra"),
    ("party-they-them.txt", "Nobody asked you", "Rowan"),
    ("party-they-them.txt", "Somebody should", "Ezra"),
    ("party-they-them.txt", "This is terrible", "Ezra"),
    ("party-they-them.txt", "It was four pounds", "Rowan"),
    ("party-they-them.txt", "Missed you,", "Rowan"),
    ("party-they-them.txt", "Missed you too", "Ezra"),
    # A vocative hands the turn to a third person: "Nora, ...?" is answered by Nora.
    ("vocative-handoff.txt", "Left at the church", "Owen"),
    ("vocative-handoff.txt", "Definitely left", "Owen"),
    ("vocative-handoff.txt", "Nora, you came", "Ruth"),
    ("vocative-handoff.txt", "Which is it", "Ruth"),
    ("vocative-handoff.txt", "Right at the church", "Nora"),
    ("vocative-handoff.txt", "Fine, I was wrong", "Owen"),
    ("vocative-handoff.txt", "Ruth, you drive", "Owen"),
    ("vocative-handoff.txt", "Gladly", "Ruth"),
    # Epithets: three friends, each told again and again by the same description ("the taller
    # boy", "the blond", "the redhead"), which the narration never ties to a name.
    ("epithets-three-friends.txt", "They posted the list", "Sami"),
    ("epithets-three-friends.txt", "I know", "Theo"),
    ("epithets-three-friends.txt", "You didn't even go", "Sami"),
    ("epithets-three-friends.txt", "Didn't need to", "Theo"),
    ("epithets-three-friends.txt", "So you know", "Sami"),
    ("epithets-three-friends.txt", "I'm sorry", "Theo"),
    ("epithets-three-friends.txt", "I really thought", "Theo"),
    ("epithets-three-friends.txt", "Me too", "Sami"),
    ("epithets-three-friends.txt", "Apparently my vibrato", "Sami"),
    ("epithets-three-friends.txt", "Whose taste", "Theo"),
    ("epithets-three-friends.txt", "Mine, I guess", "Sami"),
    ("epithets-three-friends.txt", "Okay. I have cookies", "Hazel"),
    ("epithets-three-friends.txt", "What gossip", "Theo"),
    ("epithets-three-friends.txt", "The part went", "Hazel"),
    ("epithets-three-friends.txt", "From the chemistry", "Hazel"),
    ("epithets-three-friends.txt", "You're kidding", "Sami"),
    ("epithets-three-friends.txt", "I would never kid", "Hazel"),
    ("epithets-three-friends.txt", "That actually makes", "Sami"),
    ("epithets-three-friends.txt", "Why?", "Hazel"),
    ("epithets-three-friends.txt", "It means it wasn't", "Hazel"),
    ("epithets-three-friends.txt", "A chemistry sound", "Theo"),
    ("epithets-three-friends.txt", "Exactly", "Hazel"),
    ("epithets-three-friends.txt", "See, he gets it", "Hazel"),
    ("epithets-three-friends.txt", "Fine. I'll feel", "Sami"),
    ("epithets-three-friends.txt", "Tonight", "Hazel"),
    ("epithets-three-friends.txt", "We're going out", "Hazel"),
    ("epithets-three-friends.txt", "I have a paper", "Theo"),
    ("epithets-three-friends.txt", "You've had that paper", "Hazel"),
    ("epithets-three-friends.txt", "Which is why", "Theo"),
    ("epithets-three-friends.txt", "You're coming", "Hazel"),
    ("epithets-three-friends.txt", "If Theo comes", "Sami"),
    ("epithets-three-friends.txt", "Traitor", "Theo"),
    ("epithets-three-friends.txt", "Eight o'clock", "Hazel"),
    ("epithets-three-friends.txt", "Wear something", "Hazel"),
    ("epithets-three-friends.txt", "Play something", "Sami"),
    ("epithets-three-friends.txt", "Any requests", "Theo"),
    ("epithets-three-friends.txt", "Anything but", "Sami"),
    # Epithets in an interview room: "the older woman", "the younger detective", "the redhead",
    # "the blond"; two of the three named only where a sentence opens ("Ines dropped the file").
    ("epithets-interview-room.txt", "Mr. Pryce. Do you know", "Ines"),
    ("epithets-interview-room.txt", "Parking tickets", "Dale Pryce"),
    ("epithets-interview-room.txt", "Try again", "Ines"),
    ("epithets-interview-room.txt", "I really don't know", "Dale Pryce"),
    ("epithets-interview-room.txt", "The truth would be", "Kit"),
    ("epithets-interview-room.txt", "Great. Good cop", "Dale Pryce"),
    ("epithets-interview-room.txt", "Which one am I", "Kit"),
    ("epithets-interview-room.txt", "Does it matter", "Dale Pryce"),
    ("epithets-interview-room.txt", "Do you recognise", "Ines"),
    ("epithets-interview-room.txt", "Lots of white vans", "Dale Pryce"),
    ("epithets-interview-room.txt", "This one is registered", "Ines"),
    ("epithets-interview-room.txt", "Then ask my brother", "Dale Pryce"),
    ("epithets-interview-room.txt", "We did", "Ines"),
    ("epithets-interview-room.txt", "He says you borrowed", "Ines"),
    ("epithets-interview-room.txt", "He's lying", "Dale Pryce"),
    ("epithets-interview-room.txt", "Why would he lie", "Kit"),
    ("epithets-interview-room.txt", "Because he owes", "Dale Pryce"),
    ("epithets-interview-room.txt", "Names", "Ines"),
    ("epithets-interview-room.txt", "No chance", "Dale Pryce"),
    ("epithets-interview-room.txt", "Then we'll keep you", "Kit"),
    ("epithets-interview-room.txt", "I hear the coffee", "Kit"),
    ("epithets-interview-room.txt", "I'll take my chances", "Dale Pryce"),
    # Capitalised epithets that name nobody ("drawled the Texan", "said the Scot"): each answers to
    # a name called just before its lines, so it is that character, and its lines are theirs.
    ("epithets-capitalised.txt", "Whose cheese is this", "Callum"),
    ("epithets-capitalised.txt", "Not mine", "Wade"),
    ("epithets-capitalised.txt", "I don't trust cheese", "Wade"),
    ("epithets-capitalised.txt", "It's cheddar", "Callum"),
    ("epithets-capitalised.txt", "Where I'm from", "Wade"),
    ("epithets-capitalised.txt", "That's not cheese", "Callum"),
    ("epithets-capitalised.txt", "You want sugar", "Wade"),
    ("epithets-capitalised.txt", "Three", "Callum"),
    ("epithets-capitalised.txt", "And don't tell anyone", "Callum"),
    ("epithets-capitalised.txt", "Tell anyone what", "Megan"),
    ("epithets-capitalised.txt", "Nothing", "Callum"),
    ("epithets-capitalised.txt", "He takes three sugars", "Wade"),
    ("epithets-capitalised.txt", "I already knew that", "Megan"),
    ("epithets-capitalised.txt", "Define finish", "Callum"),
    ("epithets-capitalised.txt", "Wade, is that your boot", "Megan"),
    ("epithets-capitalised.txt", "Can't prove a thing", "Wade"),
    # A ferryman named once, then only ever "the old man", talking with the one other man named,
    # Tomas: a person of his own, not a way to say Tomas (before, his lines were all Tomas's), and
    # the "Mr. Abernathy" the narration introduced just before.
    ("unnamed-old-man.txt", "You're late", "Mr. Abernathy"),
    ("unnamed-old-man.txt", "The bus broke down", "Tomas"),
    # A first-person narrator whose father the story calls only "my dad" (and "Dad" to his
    # face): he is a character, his "he said" lines are never the narrator's, and neither is
    # '"...," my dad said'; "My sister Priya leaned out" is Priya's beat.
    ("first-person-family.txt", "You're late", "my dad"),
    ("first-person-family.txt", "The bus broke down", "Narrator"),
    ("first-person-family.txt", "I texted Mom", "Narrator"),
    ("first-person-family.txt", "She didn't mention it", "my dad"),
    ("first-person-family.txt", "Where's your jacket", "my dad"),
    ("first-person-family.txt", "I left it at Nadia's", "Narrator"),
    ("first-person-family.txt", "Dad, dinner's getting cold", "Priya"),
    ("first-person-family.txt", "In a minute", "my dad"),
    ("first-person-family.txt", "He's been pacing", "Priya"),
    ("first-person-family.txt", "Thanks, Priya", "Narrator"),
    ("first-person-family.txt", "Inside, both of you", "my dad"),
    # A reader-insert story: "Y/N" is the reader, a character; Bucky, named only at the head of
    # sentences and in tags after a comma ('"Morning, doll," Bucky said'), is one too.
    ("reader-insert.txt", "Morning, doll", "Bucky"),
    ("reader-insert.txt", "You made coffee", "Y/N"),
    ("reader-insert.txt", "Don't sound so surprised", "Bucky"),
    ("reader-insert.txt", "Marry me", "Y/N"),
    ("reader-insert.txt", "Ask me again", "Bucky"),
    ("reader-insert.txt", "Am I interrupting", "Steve"),
    ("reader-insert.txt", "Y/N just proposed", "Bucky"),
    ("reader-insert.txt", "Again?", "Steve"),
    ("reader-insert.txt", "That's the third time", "Steve"),
    # The same told to "you": the reader narrates, and '"...," you say' is their line.
    ("reader-second-person.txt", "Need a hand", "Natasha"),
    ("reader-second-person.txt", "I'm fine", "Y/N"),
    ("reader-second-person.txt", "Clearly", "Natasha"),
    ("reader-second-person.txt", "Don't start", "Y/N"),
    ("reader-second-person.txt", "I wasn't going to say", "Natasha"),
    ("reader-second-person.txt", "Much", "Natasha"),
    ("reader-second-person.txt", "Thank you, Nat", "Y/N"),
    ("reader-second-person.txt", "Anytime, Y/N", "Natasha"),
    ("unnamed-old-man.txt", "Buses always break down", "Mr. Abernathy"),
    ("unnamed-old-man.txt", "It is a law of nature", "Mr. Abernathy"),
    ("unnamed-old-man.txt", "Is that a real law", "Mara"),
    ("unnamed-old-man.txt", "All the real ones are mine", "Mr. Abernathy"),
    ("unnamed-old-man.txt", "Get in, both of you", "Mr. Abernathy"),
    ("unnamed-old-man.txt", "Will it be rough today", "Tomas"),
    ("unnamed-old-man.txt", "Not for me", "Mr. Abernathy"),
    ("unnamed-old-man.txt", "He means it will be rough", "Mara"),
    ("unnamed-old-man.txt", "I know what he means", "Tomas"),
    # A story told in the present tense, whose main character is on no list of names and only
    # "corrects", "unrolls" and "meets": found all the same (twenty-third pass).
    ("present-tense-council.txt", "You're late", "Vorrin"),
    ("present-tense-council.txt", "I'm alive", "Kaelith"),
    ("present-tense-council.txt", "Those are different things", "Kaelith"),
    ("present-tense-council.txt", "Report", "Vorrin"),
    ("present-tense-council.txt", "The Ashborn have crossed", "Kaelith"),
    ("present-tense-council.txt", "Three?", "Lady Thessaly Vane"),
    ("present-tense-council.txt", "That is not a raid", "Lady Thessaly Vane"),
    ("present-tense-council.txt", "No, my lady", "Kaelith"),
    ("present-tense-council.txt", "How many?", "Almeric"),
    ("present-tense-council.txt", "Enough.", "Kaelith"),
    ("present-tense-council.txt", "We need the northern levies", "Kaelith"),
    ("present-tense-council.txt", "The northern lords", "Vorrin"),
    ("present-tense-council.txt", "Then give it to them", "Lady Thessaly Vane"),
    ("present-tense-council.txt", "Whatever it is", "Lady Thessaly Vane"),
    # Someone new acts and then speaks, once ('A nurse put her head round the curtain.').
    ("someone-new-speaks.txt", "You didn't have to come", "Teddy"),
    ("someone-new-speaks.txt", "Shut up", "Marisol"),
    ("someone-new-speaks.txt", "Of course I had to come", "Marisol"),
    ("someone-new-speaks.txt", "He looks terrible", "Marisol"),  # "*He looks terrible*, she thought."
    ("someone-new-speaks.txt", "He looks like a kid", "Marisol"),
    ("someone-new-speaks.txt", "I look terrible", "Teddy"),
    ("someone-new-speaks.txt", "You look fine", "Marisol"),
    ("someone-new-speaks.txt", "Liar.", "Teddy"),
    ("someone-new-speaks.txt", "The doctor says", "Teddy"),
    ("someone-new-speaks.txt", "Six weeks of what", "Marisol"),
    ("someone-new-speaks.txt", "Of not driving", "Teddy"),
    ("someone-new-speaks.txt", "Of not being an idiot", "Marisol"),
    ("someone-new-speaks.txt", "—of not having any fun", "Teddy"),
    ("someone-new-speaks.txt", "You're smiling", "Teddy"),
    ("someone-new-speaks.txt", "I'm not.", "Marisol"),
    ("someone-new-speaks.txt", "You are. I can see it", "Teddy"),
    ("someone-new-speaks.txt", "Visiting hours", "the nurse"),
    ("someone-new-speaks.txt", "Thanks,", "Marisol"),
    ("someone-new-speaks.txt", "Mari. Thanks for coming", "Teddy"),
    ("someone-new-speaks.txt", "Don't do that to me again", "Marisol"),
    ("someone-new-speaks.txt", "I won't", "Teddy"),
    ("someone-new-speaks.txt", "Promise.", "Marisol"),
    ("someone-new-speaks.txt", "I promise", "Teddy"),
    # Four friends, two "she"s: "She turned to Elena" is the other one's (Priya's gender from
    # the names fiction gives its characters).
    ("four-friends-pronouns.txt", "I'm not paying for the fries", "Elena"),
    ("four-friends-pronouns.txt", "I paid last time", "Elena"),
    ("four-friends-pronouns.txt", "You did not", "Marcus"),
    ("four-friends-pronouns.txt", "I remember", "Marcus"),
    ("four-friends-pronouns.txt", "Fine. I'll get the fries", "Elena"),
    ("four-friends-pronouns.txt", "Ecstatic", "Marcus"),
    ("four-friends-pronouns.txt", "Do they still do the milkshake", "Priya"),
    ("four-friends-pronouns.txt", "They stopped", "Jonah"),
    ("four-friends-pronouns.txt", "Last summer", "Jonah"),
    ("four-friends-pronouns.txt", "No.", "Priya"),
    ("four-friends-pronouns.txt", "That's a tragedy", "Priya"),
    ("four-friends-pronouns.txt", "It's a cookie, Pri", "Jonah"),
    ("four-friends-pronouns.txt", "It was a good cookie", "Priya"),
    ("four-friends-pronouns.txt", "Back me up here", "Priya"),
    ("four-friends-pronouns.txt", "It was a very good cookie", "Elena"),
    ("four-friends-pronouns.txt", "You two are ridiculous", "Marcus"),
    ("four-friends-pronouns.txt", "And you're paying", "Priya"),
    ("four-friends-pronouns.txt", "as punishment", "Priya"),
    ("four-friends-pronouns.txt", "Yeah,", "Marcus"),
    ("four-friends-pronouns.txt", "Okay. That's fair", "Marcus"),
    # Honorifics ("Hayashi-kun", "Mori-kun", "Saito-sensei") on names NER misses, written family
    # name first ("Mori Daichi", a he by his given name); "Daichi-kun," calls Mori, so Ren answers.
    ("honorifics-rooftop.txt", "Hayashi-kun", "Kuroda Aoi"),
    ("honorifics-rooftop.txt", "Saito-sensei wants", "Kuroda Aoi"),
    ("honorifics-rooftop.txt", "Friday?", "Hayashi Ren"),
    ("honorifics-rooftop.txt", "He said next week", "Hayashi Ren"),
    ("honorifics-rooftop.txt", "He changed his mind", "Kuroda Aoi"),
    ("honorifics-rooftop.txt", "He always changes", "Hayashi Ren"),
    ("honorifics-rooftop.txt", "Then you should have started", "Kuroda Aoi"),
    ("honorifics-rooftop.txt", "I knew you two", "Mori Daichi"),
    ("honorifics-rooftop.txt", "Kuroda-san, the class rep", "Mori Daichi"),
    ("honorifics-rooftop.txt", "Tell her I'm sick", "Kuroda Aoi"),
    ("honorifics-rooftop.txt", "I'm not lying", "Mori Daichi"),
    ("honorifics-rooftop.txt", "Everyone scares you", "Hayashi Ren"),
    # First person, present tense: '"You're late," I tell her.' is the narrator's tag ("tell" after
    # "I"), and the "She" of '"I'm fashionably late." She steals my croissant.' is never the "I".
    ("first-person-present-cafe.txt", "You're late", "Wren"),
    ("first-person-present-cafe.txt", "I'm fashionably late", "Maya"),
    ("first-person-present-cafe.txt", "There's a difference", "Maya"),
    ("first-person-present-cafe.txt", "There isn't", "Wren"),  # italics: "*There isn't,* I think"
    ("first-person-present-cafe.txt", "So,", "Maya"),
    ("first-person-present-cafe.txt", "Did he text you back", "Maya"),
    ("first-person-present-cafe.txt", "Who?", "Wren"),
    ("first-person-present-cafe.txt", "Don't play dumb", "Maya"),
    ("first-person-present-cafe.txt", "He says he's sorry", "Wren"),
    ("first-person-present-cafe.txt", "He says he wants", "Wren"),
    ("first-person-present-cafe.txt", "Of course he does", "Maya"),
    ("first-person-present-cafe.txt", "Hi,", "Theo"),
    ("first-person-present-cafe.txt", "Can I sit", "Theo"),
    ("first-person-present-cafe.txt", "It's a free country", "Maya"),
    # Dialogue told with dashes, not quote marks, as translations keep it: a dash after the
    # speech's comma opens its tag ("— Ask him yourself, — Grandmother said"), the next dash
    # goes back to the speech; Joyce's dashes have no closing one ("—Than in there, he said").
    ("dash-dialogue.txt", "You're up early", "Grandmother"),
    ("dash-dialogue.txt", "Sit. Eat.", "Grandmother"),
    ("dash-dialogue.txt", "I couldn't sleep", "Lena"),
    ("dash-dialogue.txt", "Nobody sleeps", "Grandmother"),
    ("dash-dialogue.txt", "Your brother was up", "Grandmother"),
    ("dash-dialogue.txt", "Is he still angry", "Lena"),
    ("dash-dialogue.txt", "Ask him yourself", "Grandmother"),
    ("dash-dialogue.txt", "I'm not angry", "Pavel"),
    ("dash-dialogue.txt", "I'm tired", "Pavel"),
    ("dash-dialogue-joyce.txt", "You'll freeze", "Ada"),
    ("dash-dialogue-joyce.txt", "Let me freeze", "Tomas"),
    ("dash-dialogue-joyce.txt", "Quieter than what", "Ada"),
    ("dash-dialogue-joyce.txt", "Than in there", "Tomas"),
    ("dash-dialogue-joyce.txt", "Everyone wants", "Tomas"),
    ("dash-dialogue-joyce.txt", "Then we won't", "Ada"),
    ("dash-dialogue-joyce.txt", "We'll talk about", "Ada"),
    ("dash-dialogue-joyce.txt", "Those are terns", "Tomas"),
    # A scene break ("~*~") ends a conversation: the new scene's first lines are not answers to
    # the last scene's, and nobody across the break reacts to its last line. Natasha, named only
    # where sentences open ("Natasha was waiting", "Natasha just looked"), is found by the
    # "she said" after her name.
    ("scene-break-new-conversation.txt", "Thought I'd find you", "Steve"),
    ("scene-break-new-conversation.txt", "You thought right", "Bucky"),
    ("scene-break-new-conversation.txt", "Don't.", "Steve"),
    ("scene-break-new-conversation.txt", "Don't what", "Bucky"),
    ("scene-break-new-conversation.txt", "Don't call me that", "Steve"),
    ("scene-break-new-conversation.txt", "Sam says", "Bucky"),
    ("scene-break-new-conversation.txt", "Sam talks", "Steve"),
    ("scene-break-new-conversation.txt", "Sam's usually right", "Bucky"),
    ("scene-break-new-conversation.txt", "Are you?", "Bucky"),
    ("scene-break-new-conversation.txt", "Yeah,", "Steve"),
    ("scene-break-new-conversation.txt", "Tuesday", "Steve"),
    ("scene-break-new-conversation.txt", "So,", "Natasha"),
    ("scene-break-new-conversation.txt", "How'd he take it", "Natasha"),
    ("scene-break-new-conversation.txt", "About how you'd expect", "Steve"),
    ("scene-break-new-conversation.txt", "He called me Captain", "Steve"),
    ("scene-break-new-conversation.txt", "Ouch", "Natasha"),
    ("scene-break-new-conversation.txt", "Yeah.", "Steve"),
    ("scene-break-new-conversation.txt", "Drink that", "Natasha"),
    ("scene-break-new-conversation.txt", "What rest", "Steve"),
    ("scene-break-new-conversation.txt", "Fine,", "Steve"),
    ("scene-break-new-conversation.txt", "Fine.", "Steve"),
    # "My mom is already in the car." then '"You're late," she says.': the narrator's mother,
    # named once and called "Mom", is a character; so is "the cashier", who "is a girl with green
    # hair" in the paragraph before her first line.
    ("first-person-my-mom.txt", "You're late", "my mom"),
    ("first-person-my-mom.txt", "I'm two minutes late", "Ava"),
    ("first-person-my-mom.txt", "Two minutes is late", "my mom"),
    ("first-person-my-mom.txt", "Did you pack", "my mom"),
    ("first-person-my-mom.txt", "Yes.", "Ava"),
    ("first-person-my-mom.txt", "The good one", "my mom"),
    ("first-person-my-mom.txt", "Mom.", "Ava"),
    ("first-person-my-mom.txt", "Get us coffee", "my mom"),
    ("first-person-my-mom.txt", "Theo. Coffee", "Ava"),
    ("first-person-my-mom.txt", "Mmph", "Theo"),
    ("first-person-my-mom.txt", "Large. Three sugars", "Theo"),
    ("first-person-my-mom.txt", "Rough morning", "the cashier"),
    ("first-person-my-mom.txt", "Road trip", "Ava"),
    ("first-person-my-mom.txt", "With my family", "Ava"),
    ("first-person-my-mom.txt", "Oof", "the cashier"),
    ("first-person-my-mom.txt", "Good luck", "the cashier"),
    # '"Hi. I'm Theo, by the way."': a newcomer who names himself speaks that line, though
    # turn-taking would give it to the one already there.
    ("newcomer-introduces-himself.txt", "Hi. I'm Theo", "Theo"),
    ("newcomer-introduces-himself.txt", "Maya,", "Maya"),
    ("newcomer-introduces-himself.txt", "Welcome to the building", "Maya"),
    ("newcomer-introduces-himself.txt", "Thanks. Is it always", "Theo"),
    ("newcomer-introduces-himself.txt", "Only when it rains", "Maya"),
    # Thoughts set in italics ("*He looks tired,* Kurt thought.", a paragraph "*Here it comes.*",
    # "_Why does this sound like goodbye?_") are the point-of-view character's and no turn of the
    # conversation: "Wrong how?" after "*Here it comes.*" is still Kurt's. "*Vogue*" and "*so*" are
    # no thoughts.
    ("italic-thoughts.txt", "You're early", "Blaine"),
    ("italic-thoughts.txt", "You're late", "Kurt"),
    ("italic-thoughts.txt", "Again.", "Kurt"),
    ("italic-thoughts.txt", "He looks tired", "Kurt"),
    ("italic-thoughts.txt", "He looks like he hasn't slept", "Kurt"),
    ("italic-thoughts.txt", "Did you finish", "Kurt"),
    ("italic-thoughts.txt", "Almost. The bridge", "Blaine"),
    ("italic-thoughts.txt", "Here it comes", "Kurt"),
    ("italic-thoughts.txt", "Wrong how?", "Kurt"),
    ("italic-thoughts.txt", "Wrong like everything", "Blaine"),
    ("italic-thoughts.txt", "The bridge is perfect", "Kurt"),
    ("italic-thoughts.txt", "Play it for me", "Kurt"),
    ("italic-thoughts.txt", "Why does this sound", "Kurt"),
    ("italic-thoughts.txt", "Well?", "Blaine"),
    ("italic-thoughts.txt", "It's beautiful", "Kurt"),
    # Each scene its own point of view: Dean's first thought is his (the scene opens on him, though
    # Sam is named as often), and after "~*~" Castiel's, untagged or "he decided" ("*Later,*" is
    # one thought with "*I will ask him later.*").
    ("italic-thoughts-two-scenes.txt", "If he's flirting", "Dean"),
    ("italic-thoughts-two-scenes.txt", "Sorry. She wanted", "Sam"),
    ("italic-thoughts-two-scenes.txt", "Of course she did,", "Dean"),
    ("italic-thoughts-two-scenes.txt", "Naturally she did", "Dean"),
    ("italic-thoughts-two-scenes.txt", "Why would anyone", "Castiel"),
    ("italic-thoughts-two-scenes.txt", "You okay, Cas?", "Dean"),
    ("italic-thoughts-two-scenes.txt", "I am considering", "Castiel"),
    ("italic-thoughts-two-scenes.txt", "Don't.", "Dean"),
    ("italic-thoughts-two-scenes.txt", "He always says that", "Castiel"),
    ("italic-thoughts-two-scenes.txt", "He never explains", "Castiel"),
    ("italic-thoughts-two-scenes.txt", "Later,", "Castiel"),
    ("italic-thoughts-two-scenes.txt", "I will ask him later", "Castiel"),
    # Four friends, most lines untagged; "And Tobias\u2014" calls him as it is cut off, so the
    # interruption is his and the line goes on with Priya's "\u2014you're with me."
    ("heist-four-friends.txt", "Right,", "Priya"),
    ("heist-four-friends.txt", "Who's got the map?", "Priya"),
    ("heist-four-friends.txt", "Here. Slightly singed.", "Tobias"),
    ("heist-four-friends.txt", "Why is it singed?", "Priya"),
    ("heist-four-friends.txt", "Long story.", "Tobias"),
    ("heist-four-friends.txt", "It was an accident", "Marcus"),
    ("heist-four-friends.txt", "Mostly.", "Marcus"),
    ("heist-four-friends.txt", "You set fire to it", "Lena"),
    ("heist-four-friends.txt", "And it was!", "Marcus"),
    ("heist-four-friends.txt", "I am surrounded", "Priya"),
    ("heist-four-friends.txt", "Beloved idiots", "Tobias"),
    ("heist-four-friends.txt", "Debatable.", "Priya"),
    ("heist-four-friends.txt", "Okay. The vault", "Priya"),
    ("heist-four-friends.txt", "Obviously.", "Lena"),
    ("heist-four-friends.txt", "Marcus, you're on distraction", "Priya"),
    ("heist-four-friends.txt", "Finally, a job", "Marcus"),
    ("heist-four-friends.txt", "And Tobias", "Priya"),
    ("heist-four-friends.txt", "Don't say it", "Tobias"),
    ("heist-four-friends.txt", "\u2014you're with me", "Priya"),
    # Thoughts in single quotes where the dialogue takes double ones ("'Something's wrong.'").
    ("single-quoted-thoughts.txt", "You're back early", "Ron"),
    ("single-quoted-thoughts.txt", "Snape let us go", "Harry"),
    ("single-quoted-thoughts.txt", "That's never happened", "Harry"),
    ("single-quoted-thoughts.txt", "Something's wrong", "Harry"),
    ("single-quoted-thoughts.txt", "Brilliant. Want a game?", "Ron"),
    ("single-quoted-thoughts.txt", "Not really", "Harry"),
    ("single-quoted-thoughts.txt", "White or black?", "Ron"),
    ("single-quoted-thoughts.txt", "White.", "Harry"),
    ("single-quoted-thoughts.txt", "He always picks white", "Ron"),
    ("single-quoted-thoughts.txt", "And he always loses", "Ron"),
    # A waitress never named: "The waitress came over with the coffee pot. "Refill, hon?"", twice,
    # makes her a character, and her lines hers.
    ("diner-waitress.txt", "You ordered without me", "Sam"),
    ("diner-waitress.txt", "You were taking forever", "Dean"),
    ("diner-waitress.txt", "Pie's coming", "Dean"),
    ("diner-waitress.txt", "Refill, hon?", "the waitress"),
    ("diner-waitress.txt", "Please,", "Sam"),
    ("diner-waitress.txt", "Don't,", "Sam"),
    ("diner-waitress.txt", "I didn't say anything", "Dean"),
    ("diner-waitress.txt", "You were going to", "Sam"),
    ("diner-waitress.txt", "Cherry for you", "the waitress"),
    ("diner-waitress.txt", "We're good", "Dean"),
    ("diner-waitress.txt", "Thanks.", "Dean"),
    # Two sisters and the postman: "Imogen", on no name list, is a she by her pronouns (a "he" after
    # '"He likes you," Imogen said when he was out of earshot' is the postman's), so the beat 'She
    # held out her hand until Wren gave in' is hers.
    ("sisters-and-the-postman.txt", "You said you'd be back", "Wren"),
    ("sisters-and-the-postman.txt", "I said I'd be back", "Imogen"),
    ("sisters-and-the-postman.txt", "Dad's been asking", "Wren"),
    ("sisters-and-the-postman.txt", "Dad's always asking", "Imogen"),
    ("sisters-and-the-postman.txt", "Tell him the fog", "Imogen"),
    ("sisters-and-the-postman.txt", "There's no fog", "Wren"),
    ("sisters-and-the-postman.txt", "There was this morning", "Imogen"),
    ("sisters-and-the-postman.txt", "Morning, Calloway girls", "Teodor"),
    ("sisters-and-the-postman.txt", "It's afternoon", "Imogen"),
    ("sisters-and-the-postman.txt", "Is it? Then I'm late", "Teodor"),
    ("sisters-and-the-postman.txt", "This came for him", "Teodor"),
    ("sisters-and-the-postman.txt", "Who's it from", "Wren"),
    ("sisters-and-the-postman.txt", "Can't read the name", "Teodor"),
    ("sisters-and-the-postman.txt", "Give it here", "Imogen"),
    ("sisters-and-the-postman.txt", "It's addressed to Dad", "Wren"),
    ("sisters-and-the-postman.txt", "And I'm going up", "Imogen"),
    ("sisters-and-the-postman.txt", "Right. Well.", "Teodor"),
    ("sisters-and-the-postman.txt", "I'll sign", "Wren"),
    ("sisters-and-the-postman.txt", "He likes you", "Imogen"),
    ("sisters-and-the-postman.txt", "He likes everybody", "Wren"),
    ("sisters-and-the-postman.txt", "Not like that", "Imogen"),
    # A first-person narrator the narration never names and a rival it calls by surname: the
    # names only others call them ("Noor, ...", "Hi, Julian", "Dorothy,") become their aliases.
    ("rivals-called-by-name.txt", "You're in my spot", "Perrin"),
    ("rivals-called-by-name.txt", "Your spot.", "Ashdown"),
    ("rivals-called-by-name.txt", "I didn't see your name", "Ashdown"),
    ("rivals-called-by-name.txt", "It's on the booking sheet", "Perrin"),
    ("rivals-called-by-name.txt", "The sheet says Tuesday", "Ashdown"),
    ("rivals-called-by-name.txt", "Fine,", "Perrin"),
    ("rivals-called-by-name.txt", "Then we share", "Perrin"),
    ("rivals-called-by-name.txt", "Absolutely not", "Ashdown"),
    ("rivals-called-by-name.txt", "Then I'll tell Professor Vance", "Perrin"),
    ("rivals-called-by-name.txt", "That was you", "Ashdown"),
    ("rivals-called-by-name.txt", "She doesn't know that", "Perrin"),
    ("rivals-called-by-name.txt", "Noor, have you seen", "Dot"),
    ("rivals-called-by-name.txt", "I've been busy being wronged", "Perrin"),
    ("rivals-called-by-name.txt", "Someone posted the exam", "Dot"),
    ("rivals-called-by-name.txt", "Oh. Hi, Julian", "Dot"),
    ("rivals-called-by-name.txt", "Dorothy,", "Ashdown"),
    ("rivals-called-by-name.txt", "Nobody calls me that", "Dot"),
    ("rivals-called-by-name.txt", "I do.", "Ashdown"),
    ("rivals-called-by-name.txt", "Anyway,", "Dot"),
    ("rivals-called-by-name.txt", "if it's real", "Dot"),
    ("rivals-called-by-name.txt", "It's not real", "Ashdown"),
    ("rivals-called-by-name.txt", "I wrote the answers", "Ashdown"),
    ("rivals-called-by-name.txt", "You're kidding", "Perrin"),
    ("rivals-called-by-name.txt", "I never kid", "Ashdown"),
    # Two men in the present tense, a posting header above the story: "Ezra comes in and sits on
    # the edge of the desk." begins a new exchange (an arrival), and 'He lets go of Ezra's belt
    # loop' is not Ezra's line (a name in its own "He"'s sentence is not that "He").
    ("two-men-radio-booth.txt", "You're doing the thing", "Ezra"),
    ("two-men-radio-booth.txt", "What thing?", "Callum"),
    ("two-men-radio-booth.txt", "The breathing thing", "Ezra"),
    ("two-men-radio-booth.txt", "Half the town isn't", "Callum"),
    ("two-men-radio-booth.txt", "That was the Low Tides", "Callum"),
    ("two-men-radio-booth.txt", "You're going to break it", "Callum"),
    ("two-men-radio-booth.txt", "It's survived worse", "Ezra"),
    ("two-men-radio-booth.txt", "Nothing has survived", "Callum"),
    ("two-men-radio-booth.txt", "Answer it", "Ezra"),
    ("two-men-radio-booth.txt", "Night Shift", "Callum"),
    ("two-men-radio-booth.txt", "Mm,", "Callum"),
    ("two-men-radio-booth.txt", "Yeah, I know the song", "Callum"),
    ("two-men-radio-booth.txt", "She wants the one", "Callum"),
    ("two-men-radio-booth.txt", "We don't have a song", "Ezra"),
    ("two-men-radio-booth.txt", "We do now", "Callum"),
    # Three officers, one full name that only opens a sentence ("Hollis Brandt finally looked up")
    # and is called by its first name ('"Hollis, who had access ..."'): one character, who answers.
    ("debrief-three-officers.txt", "Somebody explain to me", "Captain Mireille Okafor"),
    ("debrief-three-officers.txt", "why the extraction point", "Captain Mireille Okafor"),
    ("debrief-three-officers.txt", "That would be me, Cap", "Hollis Brandt"),
    ("debrief-three-officers.txt", "Of course it would", "Captain Mireille Okafor"),
    ("debrief-three-officers.txt", "The original site", "Hollis Brandt"),
    ("debrief-three-officers.txt", "You had a radio, Doc", "Captain Mireille Okafor"),
    ("debrief-three-officers.txt", "The radio was the thing", "Hollis Brandt"),
    ("debrief-three-officers.txt", "Something funny, Vukovic", "Captain Mireille Okafor"),
    ("debrief-three-officers.txt", "No, ma'am", "Sasha Vukovic"),
    ("debrief-three-officers.txt", "And you didn't think", "Captain Mireille Okafor"),
    ("debrief-three-officers.txt", "I did mention it", "Sasha Vukovic"),
    ("debrief-three-officers.txt", "All right,", "Captain Mireille Okafor"),
    ("debrief-three-officers.txt", "Hollis, who had access", "Captain Mireille Okafor"),
    ("debrief-three-officers.txt", "Six people", "Hollis Brandt"),
    ("debrief-three-officers.txt", "And the other two", "Captain Mireille Okafor"),
    ("debrief-three-officers.txt", "One's dead", "Hollis Brandt"),
    ("debrief-three-officers.txt", "The other one signed", "Hollis Brandt"),
    ("debrief-three-officers.txt", "You're saying it came", "Sasha Vukovic"),
    ("debrief-three-officers.txt", "I'm saying I'd like", "Hollis Brandt"),
    # Rivals who call each other by surname ("Marchbank," he drawled.), a friend who comes over
    # ("Dev gave up on the faces and came over": a new exchange, his), and two lines at once
    # ('"Never better," said Corvin at the same time.').
    ("library-rivals-and-a-friend.txt", "Marchbank,", "Corvin Ashgrove"),
    ("library-rivals-and-a-friend.txt", "Ashgrove.", "Thea"),
    ("library-rivals-and-a-friend.txt", "There are forty other tables", "Thea"),
    ("library-rivals-and-a-friend.txt", "None of them have you", "Corvin Ashgrove"),
    ("library-rivals-and-a-friend.txt", "I need the second volume", "Corvin Ashgrove"),
    ("library-rivals-and-a-friend.txt", "I had it first", "Thea"),
    ("library-rivals-and-a-friend.txt", "You've had it for a week", "Corvin Ashgrove"),
    ("library-rivals-and-a-friend.txt", "And I'll have it for another", "Thea"),
    ("library-rivals-and-a-friend.txt", "Go and bother Ollie", "Thea"),
    ("library-rivals-and-a-friend.txt", "Ollie's in detention", "Corvin Ashgrove"),
    ("library-rivals-and-a-friend.txt", "Which you'd know", "Corvin Ashgrove"),
    ("library-rivals-and-a-friend.txt", "Your friend's having a fit", "Corvin Ashgrove"),
    ("library-rivals-and-a-friend.txt", "He does that", "Thea"),
    ("library-rivals-and-a-friend.txt", "Everything all right here", "Dev"),
    ("library-rivals-and-a-friend.txt", "Perfectly,", "Thea"),
    ("library-rivals-and-a-friend.txt", "Never better,", "Corvin Ashgrove"),
    ("library-rivals-and-a-friend.txt", "Right. Only, Madam Pryce", "Dev"),
    ("library-rivals-and-a-friend.txt", "Then stop talking", "Thea"),
    ("library-rivals-and-a-friend.txt", "You stop talking", "Corvin Ashgrove"),
    ("library-rivals-and-a-friend.txt", "Both of you stop talking", "Dev"),
    # A reader-insert in two chapters: "Y/N", written once in a line ('"You're Y/N, right?"'), is the
    # reader (who is "you"), so that line is someone else's.
    ("reader-insert-coffee-shop.txt", "Usual?", "Marco"),
    ("reader-insert-coffee-shop.txt", "Please. And whatever's", "Y/N"),
    ("reader-insert-coffee-shop.txt", "Nothing here is burnt", "Marco"),
    ("reader-insert-coffee-shop.txt", "Is this seat taken", "Sebastian Wolfe"),
    ("reader-insert-coffee-shop.txt", "It's, um. No.", "Y/N"),
    ("reader-insert-coffee-shop.txt", "You're Y/N, right", "Sebastian Wolfe"),
    ("reader-insert-coffee-shop.txt", "That's me", "Y/N"),
    ("reader-insert-coffee-shop.txt", "I need a favour", "Sebastian Wolfe"),
    ("reader-insert-coffee-shop.txt", "A favour,", "Y/N"),
    ("reader-insert-coffee-shop.txt", "And you said yes", "Priya"),
    ("reader-insert-coffee-shop.txt", "I said I'd think", "Y/N"),
    ("reader-insert-coffee-shop.txt", "You said yes.", "Priya"),
    ("reader-insert-coffee-shop.txt", "What's the favour", "Priya"),
    ("reader-insert-coffee-shop.txt", "He needs someone", "Y/N"),
    # Two first-person tellers, each scene headed with its own ("~Juniper's POV~", "~Theo's POV~"):
    # each scene's "I" is its teller's, and in Theo's scene Juniper is a "she" like any other.
    ("two-tellers-greenhouse.txt", "Junie. June.", "Cass"),
    ("two-tellers-greenhouse.txt", "I always have soil", "Juniper"),
    ("two-tellers-greenhouse.txt", "Fair.", "Cass"),
    ("two-tellers-greenhouse.txt", "Your brother's looking", "Cass"),
    ("two-tellers-greenhouse.txt", "I promised nothing", "Juniper"),
    ("two-tellers-greenhouse.txt", "You said ten", "Theo"),
    ("two-tellers-greenhouse.txt", "I said maybe ten", "Juniper"),
    ("two-tellers-greenhouse.txt", "Have you tried turning", "Juniper"),
    ("two-tellers-greenhouse.txt", "It's off", "Theo"),
    ("two-tellers-greenhouse.txt", "Want me to have a look", "Cass"),
    ("two-tellers-greenhouse.txt", "Be my guest", "Theo"),
    # A coach, two players and the whole team: a line the team choruses, or two say together, is
    # no one's alone (None); Mateo, named once in his own beat ("Mateo leaned across the aisle
    # toward Kasia."), is found and speaks.
    ("team-bus-laps.txt", "Listen up", "Coach Adeyemi"),
    ("team-bus-laps.txt", "We are not losing", "Coach Adeyemi"),
    ("team-bus-laps.txt", "We lost by one point", "Kasia"),
    ("team-bus-laps.txt", "One point is a loss", "Coach Adeyemi"),
    ("team-bus-laps.txt", "Yes, Coach", None),
    ("team-bus-laps.txt", "She's going to make us", "Mateo"),
    ("team-bus-laps.txt", "Definitely laps", "Kasia"),
    ("team-bus-laps.txt", "I hate laps", "Mateo"),
    ("team-bus-laps.txt", "Everybody hates laps", "Kasia"),
    ("team-bus-laps.txt", "That's the point of laps", "Kasia"),
    ("team-bus-laps.txt", "Something to share", "Coach Adeyemi"),
    ("team-bus-laps.txt", "No, Coach", "Mateo"),
    ("team-bus-laps.txt", "Then you can share", "Coach Adeyemi"),
    ("team-bus-laps.txt", "Yes, ma'am", None),
    # Rivals who call each other by surnames the narration never writes ("You're in my seat,
    # Thorne."), and a teacher who gives them their orders and moves on to the next table: after
    # she leaves, the two go back to alternating.
    ("lab-partners-by-surname.txt", "You're in my seat", "Wren"),
    ("lab-partners-by-surname.txt", "It doesn't have your name", "Cassian"),
    ("lab-partners-by-surname.txt", "It has my scorch marks", "Wren"),
    ("lab-partners-by-surname.txt", "Move.", "Wren"),
    ("lab-partners-by-surname.txt", "Find another table", "Cassian"),
    ("lab-partners-by-surname.txt", "None of them are by", "Wren"),
    ("lab-partners-by-surname.txt", "Partners for the term", "Professor Hale"),
    ("lab-partners-by-surname.txt", "No trades.", "Professor Hale"),
    ("lab-partners-by-surname.txt", "Professor, with respect", "Wren"),
    ("lab-partners-by-surname.txt", "Then you had better", "Professor Hale"),
    ("lab-partners-by-surname.txt", "Chop the roots", "Cassian"),
    ("lab-partners-by-surname.txt", "Thin, this time", "Cassian"),
    ("lab-partners-by-surname.txt", "I know how to chop", "Wren"),
    ("lab-partners-by-surname.txt", "Last year you cut", "Cassian"),
    ("lab-partners-by-surname.txt", "Keep talking", "Wren"),
    # Four housemates and a cake; one leaves for a night shift, and the last lines are the others'.
    ("birthday-leaving-early.txt", "Candles", "Priya"),
    ("birthday-leaving-early.txt", "Twenty-three", "Priya"),
    ("birthday-leaving-early.txt", "You're going to set off", "Tobias"),
    ("birthday-leaving-early.txt", "The smoke alarm has no", "Priya"),
    ("birthday-leaving-early.txt", "In my defence", "Dev"),
    ("birthday-leaving-early.txt", "Did I miss it", "Marguerite"),
    ("birthday-leaving-early.txt", "You're just in time", "Priya"),
    ("birthday-leaving-early.txt", "Mags, hold this", "Priya"),
    ("birthday-leaving-early.txt", "Who's doing the singing", "Marguerite"),
    ("birthday-leaving-early.txt", "Not me", "Tobias"),
    ("birthday-leaving-early.txt", "I sang last year", "Tobias"),
    ("birthday-leaving-early.txt", "It was a public service", "Dev"),
    ("birthday-leaving-early.txt", "Okay, I have to go", "Marguerite"),
    ("birthday-leaving-early.txt", "Night shift", "Marguerite"),
    ("birthday-leaving-early.txt", "We'll save you", "Priya"),
    ("birthday-leaving-early.txt", "She won't get", "Dev"),
    # First person, present tense: a nurse no one names comes in, speaks, and leaves ("A nurse
    # bustles in"; "The nurse leaves."), between the narrator and the boyfriend at the bedside.
    ("hospital-nurse-first-person.txt", "Hey,", "Narrator"),
    ("hospital-nurse-first-person.txt", "Oh thank God", "Jonah"),
    ("hospital-nurse-first-person.txt", "I'm not going anywhere", "Narrator"),
    ("hospital-nurse-first-person.txt", "You say that", "Jonah"),
    ("hospital-nurse-first-person.txt", "and then you walk", "Jonah"),
    ("hospital-nurse-first-person.txt", "How's the head", "the nurse"),
    ("hospital-nurse-first-person.txt", "Loud.", "Narrator"),
    ("hospital-nurse-first-person.txt", "That'll be the concussion", "the nurse"),
    ("hospital-nurse-first-person.txt", "Doctor will be round", "the nurse"),
    ("hospital-nurse-first-person.txt", "He won't", "Jonah"),
    ("hospital-nurse-first-person.txt", "You scared me", "Jonah"),
    ("hospital-nurse-first-person.txt", "I know. I'm sorry", "Narrator"),
    ("hospital-nurse-first-person.txt", "Don't be sorry", "Jonah"),
    # A grandmother's story over two paragraphs (the first left open), quotes inside it, a
    # brother named after his sister ("Tilly's brother Rafe looked up"), and a line mouthed in
    # single quotes in a story of double ones.
    ("grans-story-nested-quotes.txt", "The winter your grandfather", "Gran"),
    ("grans-story-nested-quotes.txt", "My father said", "Gran"),
    ("grans-story-nested-quotes.txt", "Yes,", "Tilly"),
    ("grans-story-nested-quotes.txt", "I said, 'Then", "Gran"),
    ("grans-story-nested-quotes.txt", "And we were", "Gran"),
    ("grans-story-nested-quotes.txt", "That's actually kind of", "Rafe"),
    ("grans-story-nested-quotes.txt", "It was freezing", "Gran"),
    ("grans-story-nested-quotes.txt", "Don't get her started", "Tilly"),
    # Two singers rehearse: the lyrics, each line set in italics, are nobody's thoughts; the
    # italic thought after the song is.
    ("duet-lyrics-in-italics.txt", "Play it again", "Jude"),
    ("duet-lyrics-in-italics.txt", "You're dragging", "Marisol"),
    ("duet-lyrics-in-italics.txt", "I'm feeling it", "Jude"),
    ("duet-lyrics-in-italics.txt", "Feel it faster", "Marisol"),
    ("duet-lyrics-in-italics.txt", "That was good", "Marisol"),
    ("duet-lyrics-in-italics.txt", "That was actually good", "Marisol"),
    ("duet-lyrics-in-italics.txt", "Sectionals is going to be fine", "Jude"),
    ("duet-lyrics-in-italics.txt", "Sectionals is going to be a disaster", "Marisol"),
    # A reader-insert in a bookshop: the owner, set by apposition ("the owner, an old man with ink
    # on his fingers") before his first line, speaks, then clears his throat before his last.
    ("bookshop-owner-reader-insert.txt", "Looking for anything", "the owner"),
    ("bookshop-owner-reader-insert.txt", "Just browsing", "Y/N"),
    ("bookshop-owner-reader-insert.txt", "Y/N,", "Harrison Vale"),
    ("bookshop-owner-reader-insert.txt", "I didn't know you came here", "Harrison Vale"),
    ("bookshop-owner-reader-insert.txt", "Every Sunday", "Y/N"),
    ("bookshop-owner-reader-insert.txt", "Huh.", "Harrison Vale"),
    ("bookshop-owner-reader-insert.txt", "That one's terrible", "Harrison Vale"),
    ("bookshop-owner-reader-insert.txt", "You haven't read it", "Y/N"),
    ("bookshop-owner-reader-insert.txt", "I've read the first chapter", "Harrison Vale"),
    ("bookshop-owner-reader-insert.txt", "Some of us like that one", "the owner"),
    ("bookshop-owner-reader-insert.txt", "Sorry, Mr. Okonkwo", "Harrison Vale"),
    ("birthday-leaving-early.txt", "She absolutely will", "Priya"),  # Dev then asks Toby for help
    ("birthday-leaving-early.txt", "Toby, back me up", "Dev"),
    # Two people named once, in full, in the first sentence, then only "the blond", "the redhead",
    # "the Slytherin", "the Auror": a short story brings its people on so (names-once-then-epithets).
    ("names-once-then-epithets.txt", 'You’re late,', "Draco Malfoy"),
    ("names-once-then-epithets.txt", 'I’m early. You’re', "Ron Weasley"),
    ("names-once-then-epithets.txt", 'What’ve we got?', "Ron Weasley"),
    ("names-once-then-epithets.txt", 'A dead Kneazle,', "Draco Malfoy"),
    ("names-once-then-epithets.txt", 'Smell that?', "Draco Malfoy"),
    ("names-once-then-epithets.txt", 'Burnt sugar?', "Ron Weasley"),
    ("names-once-then-epithets.txt", 'Burnt sugar and', "Draco Malfoy"),
    ("names-once-then-epithets.txt", 'Amateurs.', "Draco Malfoy"),
    ("names-once-then-epithets.txt", 'Or someone who', "Ron Weasley"),
    ("names-once-then-epithets.txt", 'That’s almost clever,', "Draco Malfoy"),
    ("names-once-then-epithets.txt", 'Don’t sound so', "Ron Weasley"),
    ("names-once-then-epithets.txt", 'My mum made', "Ron Weasley"),
    ("names-once-then-epithets.txt", 'Here.', "Ron Weasley"),
    ("names-once-then-epithets.txt", 'What is it?', "Draco Malfoy"),
    ("names-once-then-epithets.txt", 'Receipt from Slug', "Ron Weasley"),
    ("names-once-then-epithets.txt", 'Bicorn horn, powdered.', "Ron Weasley"),
    ("names-once-then-epithets.txt", 'Two ounces is', "Draco Malfoy"),
    ("names-once-then-epithets.txt", 'Which is why', "Ron Weasley"),
    ("names-once-then-epithets.txt", 'Most of it’s', "Ron Weasley"),
    ("names-once-then-epithets.txt", 'Then whoever made', "Draco Malfoy"),
    ("names-once-then-epithets.txt", 'And a reason', "Ron Weasley"),
    ("names-once-then-epithets.txt", 'Brilliant. Wonderful. I', "Draco Malfoy"),
    ("names-once-then-epithets.txt", 'Fine. Owl Robards.', "Draco Malfoy"),
    ("names-once-then-epithets.txt", 'Tell him yourself,', "Ron Weasley"),
    ("names-once-then-epithets.txt", 'My owl is', "Draco Malfoy"),
    ("names-once-then-epithets.txt", 'She wears a', "Ron Weasley"),
    ("names-once-then-epithets.txt", 'She likes the', "Draco Malfoy"),
    ("names-once-then-epithets.txt", 'Course she does.', "Ron Weasley"),
    # Three scenes set apart by "***" and "~~~", each another pair: names from the scene before
    # are none of the next scene's recent ones; "Pepper Potts did not look up" names her (no first
    # name on our lists) as the subject of her sentence.
    ("three-scenes-three-pairs.txt", "You're late.", "Pepper Potts"),
    ("three-scenes-three-pairs.txt", "I'm never late.", "Tony Stark"),
    ("three-scenes-three-pairs.txt", 'The board meeting', "Pepper Potts"),
    ("three-scenes-three-pairs.txt", "Then they've had", "Tony Stark"),
    ("three-scenes-three-pairs.txt", "You're welcome.", "Tony Stark"),
    ("three-scenes-three-pairs.txt", 'Feet.', "Pepper Potts"),
    ("three-scenes-three-pairs.txt", 'What about them?', "Tony Stark"),
    ("three-scenes-three-pairs.txt", 'Off my desk,', "Pepper Potts"),
    ("three-scenes-three-pairs.txt", "Cruel. You're a", "Tony Stark"),
    ("three-scenes-three-pairs.txt", "I'm an efficient", "Pepper Potts"),
    ("three-scenes-three-pairs.txt", 'Go. Conference room', "Pepper Potts"),
    ("three-scenes-three-pairs.txt", 'Is that my', "Steve Rogers"),
    ("three-scenes-three-pairs.txt", 'Finders keepers.', "Bucky Barnes"),
    ("three-scenes-three-pairs.txt", 'You found it', "Steve Rogers"),
    ("three-scenes-three-pairs.txt", 'Still counts.', "Bucky Barnes"),
    ("three-scenes-three-pairs.txt", "It's warmer than", "Bucky Barnes"),
    ("three-scenes-three-pairs.txt", "Everything's warmer than", "Steve Rogers"),
    ("three-scenes-three-pairs.txt", 'And it held', "Bucky Barnes"),
    ("three-scenes-three-pairs.txt", 'It has a', "Steve Rogers"),
    ("three-scenes-three-pairs.txt", 'Ventilation.', "Bucky Barnes"),
    ("three-scenes-three-pairs.txt", "Sit down, you're", "Bucky Barnes"),
    ("three-scenes-three-pairs.txt", "Don't.", "Natasha Romanoff"),
    ("three-scenes-three-pairs.txt", "I didn't say", "Clint Barton"),
    ("three-scenes-three-pairs.txt", 'You were going', "Natasha Romanoff"),
    ("three-scenes-three-pairs.txt", 'I was going', "Clint Barton"),
    ("three-scenes-three-pairs.txt", "That's all. Very", "Clint Barton"),
    ("three-scenes-three-pairs.txt", 'You tied it.', "Natasha Romanoff"),
    ("three-scenes-three-pairs.txt", 'I did tie', "Clint Barton"),
    ("three-scenes-three-pairs.txt", "It's a knot.", "Natasha Romanoff"),
    ("three-scenes-three-pairs.txt", "Then you'll have", "Clint Barton"),
    ("three-scenes-three-pairs.txt", 'Merry Christmas, Nat.', "Clint Barton"),
    ("three-scenes-three-pairs.txt", 'Merry Christmas, Barton.', "Natasha Romanoff"),
    # Two people named once, in the opening sentence ("came home to find Ren Okada asleep"), then
    # only "babe", "sweetheart", "idiot" and he/she (pet-names-only).
    ("pet-names-only.txt", "Wha -- I'm", "Ren Okada"),
    ("pet-names-only.txt", "You're drooling, babe.", "Sasha Lindqvist"),
    ("pet-names-only.txt", 'Am not.', "Ren Okada"),
    ("pet-names-only.txt", 'What time is', "Ren Okada"),
    ("pet-names-only.txt", "Late. Why aren't", "Sasha Lindqvist"),
    ("pet-names-only.txt", 'Was waiting for', "Ren Okada"),
    ("pet-names-only.txt", 'Obviously. You were', "Sasha Lindqvist"),
    ("pet-names-only.txt", 'Waiting is exhausting.', "Ren Okada"),
    ("pet-names-only.txt", 'How was the', "Ren Okada"),
    ("pet-names-only.txt", 'Long. Someone threw', "Sasha Lindqvist"),
    ("pet-names-only.txt", 'Oh no. Not', "Ren Okada"),
    ("pet-names-only.txt", 'The good shoes,', "Sasha Lindqvist"),
    ("pet-names-only.txt", "I'll buy you", "Ren Okada"),
    ("pet-names-only.txt", 'With what money,', "Sasha Lindqvist"),
    ("pet-names-only.txt", 'A mechanical keyboard.', "Ren Okada"),
    ("pet-names-only.txt", 'In what?', "Sasha Lindqvist"),
    ("pet-names-only.txt", 'In my happiness.', "Ren Okada"),
    ("pet-names-only.txt", 'Which is also', "Ren Okada"),
    ("pet-names-only.txt", "That's not how", "Sasha Lindqvist"),
    ("pet-names-only.txt", "That's exactly how", "Ren Okada"),
    ("pet-names-only.txt", "I'm asking you", "Sasha Lindqvist"),
    ("pet-names-only.txt", 'Sorry, sorry.', "Ren Okada"),
    ("pet-names-only.txt", 'Better?', "Ren Okada"),
    ("pet-names-only.txt", 'Better.', "Sasha Lindqvist"),
    ("pet-names-only.txt", 'Did you eat?', "Sasha Lindqvist"),
    ("pet-names-only.txt", "There's leftover curry.", "Ren Okada"),
    ("pet-names-only.txt", 'Half, or half', "Sasha Lindqvist"),
    ("pet-names-only.txt", '...A generous third.', "Ren Okada"),
    ("pet-names-only.txt", "You're the worst,", "Sasha Lindqvist"),
    ("pet-names-only.txt", 'You married the', "Ren Okada"),
    ("pet-names-only.txt", "I did, didn't", "Sasha Lindqvist"),
    ("pet-names-only.txt", 'Tragic.', "Sasha Lindqvist"),
    ("pet-names-only.txt", 'Deeply tragic. Someone', "Ren Okada"),
    ("pet-names-only.txt", "Don't you dare write", "Sasha Lindqvist"),
    ("pet-names-only.txt", "Too late, I've", "Ren Okada"),
    ("pet-names-only.txt", "I'm divorcing you.", "Sasha Lindqvist"),
    ("pet-names-only.txt", "You'd miss the", "Ren Okada"),
    ("pet-names-only.txt", 'I would not', "Sasha Lindqvist"),
    ("pet-names-only.txt", 'It sounds like productivity,', "Ren Okada"),
    ("pet-names-only.txt", 'It sounds like a', "Sasha Lindqvist"),
    ("pet-names-only.txt", 'Go to sleep,', "Ren Okada"),
    ("pet-names-only.txt", "Don't you dare move.", "Sasha Lindqvist"),
    ("pet-names-only.txt", "Then I'm not", "Ren Okada"),
    ("pet-names-only.txt", 'Good.', "Sasha Lindqvist"),
    # Two Jacks in a garage: "Big Jack Dunmore" then "Big Jack", and "Jack Harlow", called "Harlow".
    ("two-jacks-garage.txt", 'Harlow,', "Big Jack Dunmore"),
    ("two-jacks-garage.txt", 'Hand me the', "Big Jack Dunmore"),
    ("two-jacks-garage.txt", 'This one?', "Jack Harlow"),
    ("two-jacks-garage.txt", 'Does that look', "Big Jack Dunmore"),
    ("two-jacks-garage.txt", 'Honestly, they all', "Jack Harlow"),
    ("two-jacks-garage.txt", "Kid, I'm going", "Big Jack Dunmore"),
    ("two-jacks-garage.txt", 'Go easy on', "Lena Ortiz"),
    ("two-jacks-garage.txt", 'I was born', "Big Jack Dunmore"),
    ("two-jacks-garage.txt", 'You were born', "Lena Ortiz"),
    ("two-jacks-garage.txt", "Jack, there's a", "Lena Ortiz"),
    ("two-jacks-garage.txt", 'Not you, Big', "Lena Ortiz"),
    ("two-jacks-garage.txt", 'The other one.', "Lena Ortiz"),
    ("two-jacks-garage.txt", 'Why does everybody', "Jack Harlow"),
    ("two-jacks-garage.txt", 'I have a', "Jack Harlow"),
    ("two-jacks-garage.txt", 'You have a', "Big Jack Dunmore"),
    ("two-jacks-garage.txt", "Go on. Don't", "Big Jack Dunmore"),
    ("two-jacks-garage.txt", 'You like him.', "Lena Ortiz"),
    ("two-jacks-garage.txt", 'I tolerate him.', "Big Jack Dunmore"),
    ("two-jacks-garage.txt", 'You gave him', "Lena Ortiz"),
    ("two-jacks-garage.txt", 'They were old', "Big Jack Dunmore"),
    ("two-jacks-garage.txt", 'They were new', "Lena Ortiz"),
    ("two-jacks-garage.txt", "Ortiz, don't you", "Big Jack Dunmore"),
    ("two-jacks-garage.txt", 'She brought cookies.', "Jack Harlow"),
    ("two-jacks-garage.txt", 'Leave mine on', "Big Jack Dunmore"),
    ("two-jacks-garage.txt", 'And Harlow?', "Big Jack Dunmore"),
    ("two-jacks-garage.txt", 'Yeah?', "Jack Harlow"),
    ("two-jacks-garage.txt", 'Three-eighths. Now.', "Big Jack Dunmore"),
    # Quotes side by side in one paragraph with nothing between ('"Nope." "Yep." "Elle." "Nico."')
    # take turns; two named speakers saying a line "together" and "they both snapped" are no one's alone.
    ("dog-argument-rapid-fire.txt", 'We are not', "Nico Barros"),
    ("dog-argument-rapid-fire.txt", "We're getting a", "Elle"),
    ("dog-argument-rapid-fire.txt", 'No.', "Nico Barros"),
    ("dog-argument-rapid-fire.txt", 'Yes.', "Elle"),
    ("dog-argument-rapid-fire.txt", 'Nope.', "Nico Barros"),
    ("dog-argument-rapid-fire.txt", 'Yep.', "Elle"),
    ("dog-argument-rapid-fire.txt", 'Elle.', "Nico Barros"),
    ("dog-argument-rapid-fire.txt", 'Nico.', "Elle"),
    ("dog-argument-rapid-fire.txt", "You can't just", "Nico Barros"),
    ("dog-argument-rapid-fire.txt", "It's a counterargument.", "Elle"),
    ("dog-argument-rapid-fire.txt", 'What are we', "Gus Tanaka"),
    ("dog-argument-rapid-fire.txt", 'Dog,', "Elle"),
    ("dog-argument-rapid-fire.txt", 'No dog,', "Nico Barros"),
    ("dog-argument-rapid-fire.txt", 'Ah.', "Gus Tanaka"),
    ("dog-argument-rapid-fire.txt", 'What kind of', "Gus Tanaka"),
    ("dog-argument-rapid-fire.txt", "Don't encourage her.", "Nico Barros"),
    ("dog-argument-rapid-fire.txt", 'A greyhound,', "Elle"),
    ("dog-argument-rapid-fire.txt", 'A retired racer.', "Elle"),
    ("dog-argument-rapid-fire.txt", 'Then get a', "Nico Barros"),
    ("dog-argument-rapid-fire.txt", "I don't *want*", "Elle"),
    ("dog-argument-rapid-fire.txt", "Well, I don't", "Nico Barros"),
    ("dog-argument-rapid-fire.txt", 'Fine.', "Elle"),
    ("dog-argument-rapid-fire.txt", 'Fine by me.', "Nico Barros"),
    ("dog-argument-rapid-fire.txt", 'Fine!', None),
    ("dog-argument-rapid-fire.txt", 'For the record,', "Gus Tanaka"),
    ("dog-argument-rapid-fire.txt", "I'd walk it.", "Gus Tanaka"),
    ("dog-argument-rapid-fire.txt", "You won't walk", "Nico Barros"),
    ("dog-argument-rapid-fire.txt", "You don't even", "Nico Barros"),
    ("dog-argument-rapid-fire.txt", "That's slander.", "Gus Tanaka"),
    ("dog-argument-rapid-fire.txt", "It's documented. Elle", "Nico Barros"),
    ("dog-argument-rapid-fire.txt", 'I did film', "Elle"),
    ("dog-argument-rapid-fire.txt", "Don't change the", "Elle"),
    ("dog-argument-rapid-fire.txt", "Him? There's a", "Nico Barros"),
    ("dog-argument-rapid-fire.txt", '...Maybe.', "Elle"),
    ("dog-argument-rapid-fire.txt", 'Elle, no.', "Nico Barros"),
    ("dog-argument-rapid-fire.txt", 'His name is', "Elle"),
    ("dog-argument-rapid-fire.txt", 'Oh no,', "Gus Tanaka"),
    ("dog-argument-rapid-fire.txt", 'It has a', "Gus Tanaka"),
    ("dog-argument-rapid-fire.txt", 'Where.', "Nico Barros"),
    ("dog-argument-rapid-fire.txt", 'The shelter on', "Elle"),
    ("dog-argument-rapid-fire.txt", 'When.', "Nico Barros"),
    ("dog-argument-rapid-fire.txt", "Saturday, they're open", "Elle"),
    ("dog-argument-rapid-fire.txt", 'And if I', "Nico Barros"),
    ("dog-argument-rapid-fire.txt", "Then you'll have", "Elle"),
    ("dog-argument-rapid-fire.txt", "That's emotional blackmail.", "Nico Barros"),
    ("dog-argument-rapid-fire.txt", 'Yes,', "Elle"),
    ("dog-argument-rapid-fire.txt", 'It is, yes.', "Elle"),
    ("dog-argument-rapid-fire.txt", 'One look,', "Nico Barros"),
    ("dog-argument-rapid-fire.txt", "One. And I'm", "Nico Barros"),
    ("dog-argument-rapid-fire.txt", "You're both ridiculous,", "Nico Barros"),
    ("dog-argument-rapid-fire.txt", 'We know,', None),
    ("dog-argument-rapid-fire.txt", 'Not a word,', "Nico Barros"),
    ("dog-argument-rapid-fire.txt", 'Not one.', "Nico Barros"),
    ("dog-argument-rapid-fire.txt", "Wouldn't dream of it,", "Gus Tanaka"),
    ("dog-argument-rapid-fire.txt", "Wouldn't dream of it at", "Elle"),
    # A court: "the queen", "Her Majesty", "the prince" are the one queen and prince named with their
    # ranks ("Queen Seraphine", "Prince Aldric"); "Wren", a listed name that acts, is the page.
    ("royal-court-page.txt", 'Your Majesty.', "Lord Vaylen"),
    ("royal-court-page.txt", 'The envoy from Carrow has', "Lord Vaylen"),
    ("royal-court-page.txt", 'My pleasure, Chancellor,', "Queen Seraphine"),
    ("royal-court-page.txt", 'Majesty, the treaty—', "Lord Vaylen"),
    ("royal-court-page.txt", 'I know about', "Queen Seraphine"),
    ("royal-court-page.txt", 'Where is my', "Queen Seraphine"),
    ("royal-court-page.txt", 'His Highness,', "Lord Vaylen"),
    ("royal-court-page.txt", 'is… indisposed.', "Lord Vaylen"),
    ("royal-court-page.txt", 'Indisposed.', "Queen Seraphine"),
    ("royal-court-page.txt", 'So I am', "Lord Vaylen"),
    ("royal-court-page.txt", 'By whom?', "Queen Seraphine"),
    ("royal-court-page.txt", 'Boy.', "Queen Seraphine"),
    ("royal-court-page.txt", 'Come here.', "Queen Seraphine"),
    ("royal-court-page.txt", 'You are the', "Queen Seraphine"),
    ("royal-court-page.txt", 'Yes, Your Majesty.', "Wren"),
    ("royal-court-page.txt", 'Then you will know', "Queen Seraphine"),
    ("royal-court-page.txt", 'His Highness is—', "Wren"),
    ("royal-court-page.txt", 'His Highness is in', "Wren"),
    ("royal-court-page.txt", 'Studying.', "Queen Seraphine"),
    ("royal-court-page.txt", 'Lord Vaylen, would', "Queen Seraphine"),
    ("royal-court-page.txt", 'I—would not presume', "Lord Vaylen"),
    ("royal-court-page.txt", 'Wise.', "Queen Seraphine"),
    ("royal-court-page.txt", 'Ah,', "Aldric"),
    ("royal-court-page.txt", 'Good morning, Mother.', "Aldric"),
    ("royal-court-page.txt", 'Is it?', "Queen Seraphine"),
    ("royal-court-page.txt", 'It was.', "Aldric"),
    ("royal-court-page.txt", 'Don’t blame Wren.', "Aldric"),
    ("royal-court-page.txt", 'I gathered.', "Queen Seraphine"),
    ("royal-court-page.txt", 'The envoy from Carrow is', "Queen Seraphine"),
    ("royal-court-page.txt", 'My *what*?', "Aldric"),
    ("royal-court-page.txt", 'The treaty terms', "Lord Vaylen"),
    ("royal-court-page.txt", 'A union between', "Lord Vaylen"),
    ("royal-court-page.txt", 'I am not', "Aldric"),
    ("royal-court-page.txt", 'Then you will go', "Queen Seraphine"),
    ("royal-court-page.txt", 'and tell the', "Queen Seraphine"),
    ("royal-court-page.txt", 'Wren,', "Aldric"),
    ("royal-court-page.txt", 'With me. Bring', "Aldric"),
    ("royal-court-page.txt", 'The boy stays.', "Queen Seraphine"),
    ("royal-court-page.txt", 'He lied to', "Queen Seraphine"),
    ("royal-court-page.txt", 'That is either', "Queen Seraphine"),
    ("royal-court-page.txt", 'Majesty, this is', "Lord Vaylen"),
    ("royal-court-page.txt", 'So is my', "Queen Seraphine"),
    ("mid-conversation-opening.txt", "--and I'm telling", "Felix Whitcombe"),
    ("mid-conversation-opening.txt", 'Then who knocked', "Nora Whitcombe"),
    ("mid-conversation-opening.txt", "I don't know.", "Felix Whitcombe"),
    ("mid-conversation-opening.txt", 'The windows were', "Nora Whitcombe"),
    ("mid-conversation-opening.txt", 'A very determined', "Felix Whitcombe"),
    ("mid-conversation-opening.txt", "You're impossible.", "Nora Whitcombe"),
    ("mid-conversation-opening.txt", 'You married me.', "Felix Whitcombe"),
    ("mid-conversation-opening.txt", 'Put her down,', "Nora Whitcombe"),
    ("mid-conversation-opening.txt", "She's traumatized.", "Felix Whitcombe"),
    ("mid-conversation-opening.txt", "She's purring.", "Nora Whitcombe"),
    ("mid-conversation-opening.txt", "That's how cats", "Felix Whitcombe"),
    ("mid-conversation-opening.txt", 'Look at her.', "Felix Whitcombe"),
    ("mid-conversation-opening.txt", 'That looks like', "Nora Whitcombe"),
    ("mid-conversation-opening.txt", 'Exactly,', "Nora Whitcombe"),
    ("mid-conversation-opening.txt", "I'm sorry,", "Felix Whitcombe"),
    ("mid-conversation-opening.txt", 'About the vase.', "Felix Whitcombe"),
    ("mid-conversation-opening.txt", "It's fine.", "Nora Whitcombe"),
    ("mid-conversation-opening.txt", "It's not fine.", "Felix Whitcombe"),
    ("mid-conversation-opening.txt", "I don't have", "Nora Whitcombe"),
    ("mid-conversation-opening.txt", 'You absolutely have', "Felix Whitcombe"),
    ("mid-conversation-opening.txt", 'Let me see,', "Felix Whitcombe"),
    ("mid-conversation-opening.txt", "It's nothing.", "Nora Whitcombe"),
    ("mid-conversation-opening.txt", "Everything's nothing with", "Felix Whitcombe"),
    ("mid-conversation-opening.txt", 'Hold still.', "Felix Whitcombe"),
    ("mid-conversation-opening.txt", 'I am holding', "Nora Whitcombe"),
    ("mid-conversation-opening.txt", "You're holding still", "Felix Whitcombe"),
    ("mid-conversation-opening.txt", 'There it is,', "Felix Whitcombe"),
    ("mid-conversation-opening.txt", "Don't.", "Nora Whitcombe"),
    ("mid-conversation-opening.txt", "I'm just saying.", "Felix Whitcombe"),
    ("mid-conversation-opening.txt", 'Nurse, the forceps,', "Nora Whitcombe"),
    ("mid-conversation-opening.txt", 'Quiet, please. The', "Felix Whitcombe"),
    ("mid-conversation-opening.txt", 'The surgeon has', "Nora Whitcombe"),
    ("mid-conversation-opening.txt", 'The surgeon is', "Felix Whitcombe"),
    ("mid-conversation-opening.txt", 'Thank you,', "Nora Whitcombe"),
    ("mid-conversation-opening.txt", 'Anytime.', "Felix Whitcombe"),
    ("mid-conversation-opening.txt", "You know, there's", "Felix Whitcombe"),
    ("mid-conversation-opening.txt", 'Kintsugi.', "Nora Whitcombe"),
    ("mid-conversation-opening.txt", 'That. We could', "Felix Whitcombe"),
    ("mid-conversation-opening.txt", "It'd cost a", "Nora Whitcombe"),
    ("mid-conversation-opening.txt", "So we don't", "Felix Whitcombe"),
    ("mid-conversation-opening.txt", 'Felix.', "Nora Whitcombe"),
    ("mid-conversation-opening.txt", 'I mean it.', "Felix Whitcombe"),
    ("mid-conversation-opening.txt", 'You love the', "Nora Whitcombe"),
    ("mid-conversation-opening.txt", 'I love you', "Felix Whitcombe"),
    ("mid-conversation-opening.txt", 'That,', "Felix Whitcombe"),
    ("mid-conversation-opening.txt", 'was definitely the', "Felix Whitcombe"),
    ("mid-conversation-opening.txt", 'Go catch your', "Nora Whitcombe"),
    ("mid-conversation-opening.txt", 'before it gets', "Nora Whitcombe"),
    ("rooftop-two-men-softly.txt", 'I used to', "Elias Brandt"),
    ("rooftop-two-men-softly.txt", 'Every time we', "Elias Brandt"),
    ("rooftop-two-men-softly.txt", 'It was never', "Rowan Tate"),
    ("rooftop-two-men-softly.txt", 'Then what was', "Elias Brandt"),
    ("rooftop-two-men-softly.txt", 'It was the place', "Rowan Tate"),
    ("rooftop-two-men-softly.txt", "When you're in", "Rowan Tate"),
    ("rooftop-two-men-softly.txt", "You can't just say that,", "Elias Brandt"),
    ("rooftop-two-men-softly.txt", 'I know.', "Rowan Tate"),
    ("rooftop-two-men-softly.txt", "You can't just say that and", "Elias Brandt"),
    ("rooftop-two-men-softly.txt", 'Six years,', "Elias Brandt"),
    ("rooftop-two-men-softly.txt", 'Six years of', "Elias Brandt"),
    ("rooftop-two-men-softly.txt", 'What did you', "Rowan Tate"),
    ("rooftop-two-men-softly.txt", "Don't,", "Elias Brandt"),
    ("rooftop-two-men-softly.txt", "Don't make me", "Elias Brandt"),
    ("rooftop-two-men-softly.txt", 'I love you,', "Rowan Tate"),
    ("rooftop-two-men-softly.txt", 'I have loved', "Rowan Tate"),
    ("rooftop-two-men-softly.txt", 'The cereal,', "Elias Brandt"),
    ("rooftop-two-men-softly.txt", 'You remember the', "Elias Brandt"),
    ("rooftop-two-men-softly.txt", 'I remember everything.', "Rowan Tate"),
    ("rooftop-two-men-softly.txt", 'It was stale.', "Elias Brandt"),
    ("rooftop-two-men-softly.txt", 'It was the best', "Rowan Tate"),
    ("rooftop-two-men-softly.txt", 'and it was', "Rowan Tate"),
    ("rooftop-two-men-softly.txt", 'I love you too,', "Elias Brandt"),
    ("rooftop-two-men-softly.txt", "I think I've", "Elias Brandt"),
    ("rooftop-two-men-softly.txt", 'And now?', "Rowan Tate"),
    ("rooftop-two-men-softly.txt", "Now I'm just", "Elias Brandt"),
    ("rooftop-two-men-softly.txt", 'We should probably', "Rowan Tate"),
    ("rooftop-two-men-softly.txt", 'In daylight. With', "Rowan Tate"),
    ("rooftop-two-men-softly.txt", 'We will,', "Elias Brandt"),
    ("rooftop-two-men-softly.txt", 'Tomorrow. Every day', "Elias Brandt"),
    ("rooftop-two-men-softly.txt", 'As long as', "Rowan Tate"),
]

WRONG_TODAY = {
    ("dog-argument-rapid-fire.txt", "Don't encourage her."):
        "three talking: Nico answers Gus's question about Elle; the line's 'her' (Elle) rules Elle out, "
        "which nothing reads, and alternation after Gus gives it to her",
    ("dog-argument-rapid-fire.txt", "Then get a"):
        "Elle's line before calls 'Gus' by name, so the one called is taken to answer; the argument is "
        "Elle against Nico, which nothing in the turns says",
    ("dog-argument-rapid-fire.txt", "Well, I don't"):
        "as above: the Elle/Gus alternation runs on",
    ("dog-argument-rapid-fire.txt", "Fine by me."):
        "as above",
    ("dog-argument-rapid-fire.txt", "The shelter on"):
        "a back-and-forth opened by Nico's beat: the turn before his is Gus's ('It has a name'), and "
        "alternation gives Elle's answers to Gus",
    ("dog-argument-rapid-fire.txt", "Saturday, they're open"):
        "as above",
    ("dog-argument-rapid-fire.txt", "Then you'll have"):
        "as above",
    ("royal-court-page.txt", "Indisposed."):
        "the queen echoes Vaylen after 'Wren became extremely interested in the jug': the page the "
        "narration just named, who has not spoken, takes the untagged line",
    ("royal-court-page.txt", "By whom?"):
        "as above: the Vaylen/Wren alternation runs on",
    ("royal-court-page.txt", "You are the"):
        "'Wren came. He did not spill the wine': the page acts last, and the line to him is taken "
        "for his",
    ("royal-court-page.txt", "Yes, Your Majesty."):
        "the turn before went to Wren, so his answer goes to Vaylen, the other voice of the exchange",
    ("royal-court-page.txt", "His Highness is in"):
        "'Aldric had made him promise': a remembered act of someone absent is read as Aldric's beat",
    ("royal-court-page.txt", "The boy stays."):
        "the queen's untagged reply to Aldric's call of 'Wren' goes to Wren, the one called",
    ("royal-court-page.txt", "Majesty, this is"):
        "after 'Wren sat.', Vaylen's untagged protest goes to Aldric, a voice of the last exchange",
    ("epithets-interview-room.txt", "Which one am I"):
        "'asked the redhead' carries no gender and nothing ties it to Kit (the younger detective is "
        "set apart from the older woman; the redhead from nobody), so its lines, decided together, "
        "go to Ines between the suspect's",
    ("epithets-interview-room.txt", "Why would he lie"):
        "'the redhead asked': as above",
    ("epithets-three-friends.txt", "Which is why"):
        "an untagged reply to Hazel's retort, in a three-way talk: since the ranker was retrained with "
        "candidates named further off (nineteenth pass) the quiet third friend outscores the alternation "
        "back to Theo (0.69 for Sami)",
    ("heist-four-friends.txt", "Obviously."):
        "the answer to 'Lena, you're on the door.': Priya hands out jobs by name, and the call two "
        "turns on, 'And Tobias\u2014', reads as in PDNC's novels, where a name called is most often the "
        "last speaker's, so Tobias outscores the one just called (0.43)",
    ("single-quoted-thoughts.txt", "White or black?"):
        "'Not really,' Harry thought stands where his answer would be, so Ron asks on; a thought is no "
        "turn (in italic-thoughts.txt one before the thinker's own reply must not be), so alternation "
        "gives this line to Harry",
    ("single-quoted-thoughts.txt", "White."): "as above: alternation, one turn off",
    ("diner-waitress.txt", "I didn't say anything"):
        "'She poured and left.': the waitress has gone, but attribution reads only plain exits ('left "
        "the room', 'walked out'), not an act and a leaving in one sentence, and she is the last woman "
        "named; the line, Dean's, goes to her (0.58; reading that exit as a break alone does not help)",
    ("sisters-and-the-postman.txt", "Who's it from"):
        "'Wren took it and turned it over.': the narration between the turns is Wren's alone, but in "
        "a three-way talk the ranker, trained mostly on PDNC (where, of 289 untagged lines such a subject "
        "and alternation give to two people, 117 are alternation's and 84 the subject's), keeps "
        "alternation and gives it to Imogen",
    ("sisters-and-the-postman.txt", "It's addressed to Dad"):
        "Wren's objection to her sister, two turns after the line above: the turn-taking is one off "
        "and the postman gets it",
    ("two-men-radio-booth.txt", "Night Shift"):
        "'\"Answer it,\" Ezra says.' then 'He picks up.': the one told to answer is who picks up, but "
        "nothing in the text says so; the last man named is Ezra and the ranker gives him the line",
    ("two-men-radio-booth.txt", "She wants the one"):
        "'He covers the receiver with his palm.' after Callum's own tagged line: still Callum on the "
        "phone, but the beat's 'He' goes to Ezra, whose turn alternation says it is",
    ("two-men-radio-booth.txt", "We don't have a song"): "Ezra's answer to the line above: one turn off",
    ("debrief-three-officers.txt", "No, ma'am"):
        "'Something funny, Vukovic?' calls Sasha, who has not spoken yet; alternation gives the line to "
        "Brandt (0.54 against 0.46; in PDNC the one called answers such a line 109 times in 225), and "
        "the refining walks keep it so",
    ("debrief-three-officers.txt", "I did mention it"): "Sasha's second line: as above, one turn off",
    ("library-rivals-and-a-friend.txt", "You stop talking"):
        "Corvin's retort to Thea's hissed line: alternation after Dev's turn gives it back to Dev",
    ("reader-insert-coffee-shop.txt", "Is this seat taken"):
        "'someone clears their throat' and the line, then 'It's him. ... Sebastian Wolfe': the one who "
        "asks is named only after it, and alternation gives the question to the reader",
    ("reader-insert-coffee-shop.txt", "It's, um. No."): "the reader's answer: as above, one turn off",
    ("team-bus-laps.txt", "No, Coach"):
        "'Something to share with the rest of us, Reyes?' calls Mateo by his surname, which no "
        "narration writes, and alternation gives his answer to Kasia (who then takes \"Reyes\" as a "
        "name of hers: the names learned from who answers follow attribution)",
    ("heist-four-friends.txt", "Finally, a job"):
        "Marcus answering his job: as above, 'And Tobias\u2014' in the next turn counts for Tobias",
}


def _params() -> list[object]:
    params: list[object] = []
    for fixture, opening, speaker in EXPECTED:
        reason = WRONG_TODAY.get((fixture, opening))
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        params.append(pytest.param(fixture, opening, speaker, marks=marks, id=f"{fixture[:-4]}:{opening}"))
    return params


@cache
def _world(fixture: str) -> StoryWorld:
    """Each fixture is analysed once per test session."""
    return ficlens.analyze((FIXTURES / fixture).read_text(encoding="utf-8"))


def _quote(world: StoryWorld, opening: str) -> Quote:
    found = [q for q in world.quotes if q.kind in SPOKEN
             and q.text.startswith(opening)]
    assert len(found) == 1, f"expected one spoken quote opening with {opening!r}, found {len(found)}"
    return found[0]


def test_attribution_fanfic_no_one_hears_across_a_scene_break() -> None:
    world = _world("scene-break-new-conversation.txt")
    names = {c.id: c.name for c in world.characters}
    heard = {q.text: [names[a] for a in q.addressees] for q in world.quotes}
    assert heard["Tuesday."] == ["Bucky"] and heard["Fine."] == ["Natasha"]


def test_attribution_fanfic_no_one_talks_to_who_has_left() -> None:
    world = _world("birthday-leaving-early.txt")  # "Marguerite left the way she had come."
    names = {c.id: c.name for c in world.characters}
    after = [q for q in world.quotes if q.start > world.text.index("Marguerite left")]
    assert after and all("Marguerite" not in (names[a] for a in q.addressees) for q in after)
    assert all(names[q.speaker] != "Marguerite" for q in after if q.speaker)


def test_attribution_fanfic_wrong_today_are_expected_quotes() -> None:
    assert set(WRONG_TODAY) <= {(fixture, opening) for fixture, opening, _ in EXPECTED}


@pytest.mark.parametrize(("fixture", "opening", "speaker"), _params())
def test_attribution_fanfic_speaker(fixture: str, opening: str, speaker: str) -> None:
    world = _world(fixture)
    quote = _quote(world, opening)
    names = {c.id: c.name for c in world.characters}
    span = world.text[quote.start:quote.end]
    opened = span[0] in "\"\u201c'\u2018\u2014*_"  # a mark, a dash or typed italics
    assert (opened or quote.continues) and quote.text in span
    assert names.get(quote.speaker or "") == speaker


@pytest.mark.parametrize("fixture", sorted({fixture for fixture, _, _ in EXPECTED}))
def test_attribution_fanfic_every_quote_checked(fixture: str) -> None:
    world = _world(fixture)
    spoken = sorted(q.start for q in world.quotes if q.kind in SPOKEN)
    checked = sorted(_quote(world, opening).start for name, opening, _ in EXPECTED if name == fixture)
    assert spoken == checked
