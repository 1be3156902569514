"""Kin and partner relationships on two PDNC dev novels, end to end, against our own short list.

    python benchmarks/relations_dev.py [PDNC_DIR]

``PEOPLE`` names the people of *Pride and Prejudice* and *Emma* (the name forms a
predicted character may carry) and ``PAIRS`` who is family or partner to whom, from
our own reading of the plots (names only, no text). A predicted family or romantic
relationship between two listed people is right when the pair is listed (either
type); recall is the share of listed pairs found. Pairs with someone not listed are
not counted. Prints precision and recall per novel and overall, and the wrong pairs.
"""

from __future__ import annotations

import sys
from itertools import combinations
from pathlib import Path

from ficlens import pipeline
from ficlens.eval.gold import world_from_gold
from ficlens.eval.pdnc import iter_novels

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "shared" / "data" / "pdnc-dev"

_BENNETS = ["Mr. Bennet", "Mrs. Bennet", "Jane", "Elizabeth", "Mary", "Kitty", "Lydia"]
PEOPLE: dict[str, dict[str, list[str]]] = {
    "PrideAndPrejudice": {
        "Mr. Bennet": ["Mr. Bennet"], "Mrs. Bennet": ["Mrs. Bennet"],
        "Jane": ["Jane", "Jane Bennet", "Miss Bennet"],
        "Elizabeth": ["Elizabeth", "Elizabeth Bennet", "Lizzy", "Eliza", "Miss Eliza Bennet",
                      "Miss Elizabeth Bennet", "Lizzie"],
        "Mary": ["Mary", "Mary Bennet", "Miss Mary Bennet"],
        "Kitty": ["Kitty", "Catherine Bennet", "Miss Catherine Bennet", "Miss Kitty Bennet"],
        "Lydia": ["Lydia", "Miss Lydia Bennet", "Lydia Bennet", "Mrs. Wickham"],
        "Mr. Gardiner": ["Mr. Gardiner"], "Mrs. Gardiner": ["Mrs. Gardiner"],
        "Mrs. Philips": ["Mrs. Philips"], "Mr. Philips": ["Mr. Philips"],
        "Mr. Collins": ["Mr. Collins", "William Collins"],
        "Mr. Bingley": ["Mr. Bingley", "Charles Bingley", "Bingley", "Charles"],
        "Caroline Bingley": ["Caroline Bingley", "Miss Bingley", "Caroline"],
        "Mrs. Hurst": ["Mrs. Hurst", "Louisa"], "Mr. Hurst": ["Mr. Hurst"],
        "Mr. Darcy": ["Mr. Darcy", "Darcy", "Fitzwilliam Darcy", "Mr. Fitzwilliam Darcy"],
        "Georgiana": ["Georgiana", "Miss Darcy", "Georgiana Darcy"],
        "Lady Anne": ["Lady Anne Darcy", "Lady Anne"],
        "Lady Catherine": ["Lady Catherine", "Catherine de Bourgh", "Lady Catherine de Bourgh"],
        "Anne de Bourgh": ["Miss de Bourgh", "Anne de Bourgh"],
        "Colonel Fitzwilliam": ["Colonel Fitzwilliam"],
        "Sir William": ["Sir William Lucas", "Sir William"], "Lady Lucas": ["Lady Lucas"],
        "Charlotte": ["Charlotte Lucas", "Charlotte", "Miss Lucas", "Mrs. Collins"],
        "Maria Lucas": ["Maria Lucas", "Maria"],
        "Wickham": ["Wickham", "George Wickham", "Mr. Wickham"],
    },
    "Emma": {
        "Emma": ["Emma", "Emma Woodhouse", "Miss Woodhouse"], "Mr. Woodhouse": ["Mr. Woodhouse"],
        "Isabella": ["Isabella", "Mrs. John Knightley", "Isabella Knightley"],
        "John Knightley": ["John Knightley", "Mr. John Knightley"],
        "Mr. Knightley": ["Mr. Knightley", "George Knightley", "Knightley"],
        "Mr. Weston": ["Mr. Weston", "Captain Weston"],
        "Mrs. Weston": ["Mrs. Weston", "Miss Taylor", "Anne Taylor"],
        "Frank": ["Frank Churchill", "Frank", "Mr. Frank Churchill", "Weston Churchill"],
        "Mrs. Churchill": ["Mrs. Churchill"], "Mr. Churchill": ["Mr. Churchill"],
        "Jane Fairfax": ["Jane Fairfax", "Jane", "Miss Fairfax"],
        "Miss Bates": ["Miss Bates"], "Mrs. Bates": ["Mrs. Bates"],
        "Mr. Elton": ["Mr. Elton", "Rev. Philip Elton", "Philip Elton"],
        "Mrs. Elton": ["Mrs. Elton", "Augusta", "Augusta Hawkins", "Miss Hawkins"],
        "Mr. Suckling": ["Mr. Suckling"], "Mrs. Suckling": ["Mrs. Suckling", "Selina"],
        "Harriet": ["Harriet", "Harriet Smith", "Miss Smith"],
        "Robert Martin": ["Robert Martin", "Mr. Martin", "Mr. Robert Martin"],
        "Mrs. Martin": ["Mrs. Martin"], "Elizabeth Martin": ["Elizabeth Martin"],
        "Colonel Campbell": ["Colonel Campbell"], "Mrs. Campbell": ["Mrs. Campbell"],
        "Mrs. Dixon": ["Mrs. Dixon", "Miss Campbell"], "Mr. Dixon": ["Mr. Dixon"], "Henry": ["Henry"],
    },
}
PAIRS: dict[str, list[tuple[str, str]]] = {
    "PrideAndPrejudice": [
        *combinations(_BENNETS, 2),
        *((relative, bennet) for relative in ("Mr. Gardiner", "Mrs. Gardiner", "Mrs. Philips", "Mr. Philips")
          for bennet in _BENNETS),
        ("Mr. Gardiner", "Mrs. Gardiner"), ("Mr. Philips", "Mrs. Philips"), ("Mr. Gardiner", "Mrs. Philips"),
        ("Mr. Collins", "Mr. Bennet"), ("Mr. Collins", "Charlotte"),
        *combinations(["Mr. Bingley", "Caroline Bingley", "Mrs. Hurst", "Mr. Hurst"], 2),
        ("Mr. Bingley", "Jane"), ("Mr. Darcy", "Elizabeth"), ("Wickham", "Lydia"),
        *combinations(["Mr. Darcy", "Georgiana", "Lady Anne", "Lady Catherine", "Anne de Bourgh",
                       "Colonel Fitzwilliam"], 2),
        *combinations(["Sir William", "Lady Lucas", "Charlotte", "Maria Lucas"], 2),
    ],
    "Emma": [
        ("Emma", "Mr. Woodhouse"), ("Emma", "Isabella"), ("Isabella", "Mr. Woodhouse"),
        ("Isabella", "John Knightley"), ("John Knightley", "Mr. Knightley"), ("Emma", "Mr. Knightley"),
        ("Emma", "John Knightley"), ("Isabella", "Mr. Knightley"), ("Mr. Woodhouse", "John Knightley"),
        ("Mr. Weston", "Mrs. Weston"), ("Mr. Weston", "Frank"), ("Mrs. Weston", "Frank"),
        ("Frank", "Mrs. Churchill"), ("Frank", "Mr. Churchill"), ("Mr. Churchill", "Mrs. Churchill"),
        ("Mr. Weston", "Mrs. Churchill"), ("Frank", "Jane Fairfax"), ("Jane Fairfax", "Miss Bates"),
        ("Jane Fairfax", "Mrs. Bates"), ("Miss Bates", "Mrs. Bates"), ("Mr. Elton", "Mrs. Elton"),
        ("Mrs. Elton", "Mr. Suckling"), ("Mrs. Elton", "Mrs. Suckling"), ("Mr. Suckling", "Mrs. Suckling"),
        ("Harriet", "Robert Martin"), ("Robert Martin", "Mrs. Martin"), ("Robert Martin", "Elizabeth Martin"),
        ("Mrs. Martin", "Elizabeth Martin"), ("Colonel Campbell", "Mrs. Campbell"),
        ("Colonel Campbell", "Mrs. Dixon"), ("Mrs. Campbell", "Mrs. Dixon"), ("Mrs. Dixon", "Mr. Dixon"),
        *(("Henry", kin) for kin in ("John Knightley", "Isabella", "Mr. Knightley", "Mr. Woodhouse", "Emma")),
    ],
}


def main(argv: list[str]) -> None:
    directory = Path(argv[0]) if argv else DEFAULT_DIR
    right = wrong = found = listed = 0
    for document in iter_novels(directory, list(PEOPLE)):
        world = pipeline.run(world_from_gold(document, gold_cast=False))
        forms = {form: person for person, names in PEOPLE[document.name].items() for form in names}
        person = {c.id: forms[c.name] for c in world.characters if c.name in forms}
        gold = {frozenset(pair) for pair in PAIRS[document.name]}
        predicted = {frozenset((person[r.source], person[r.target])) for r in world.relationships
                     if r.type in ("family", "romantic") and r.source in person and r.target in person
                     and person[r.source] != person[r.target]}
        misses = sorted(" & ".join(sorted(pair)) for pair in predicted - gold)
        print(f"{document.name}: {len(predicted)} pairs, {len(predicted & gold)} right, "
              f"{len(predicted - gold)} wrong; {len(predicted & gold)} of {len(gold)} listed pairs found")
        print("  wrong: " + "; ".join(misses))
        right, wrong = right + len(predicted & gold), wrong + len(predicted - gold)
        found, listed = found + len(predicted & gold), listed + len(gold)
    print(f"OVERALL precision {right / max(1, right + wrong):.3f}  recall {found / max(1, listed):.3f}")


if __name__ == "__main__":
    main(sys.argv[1:])
