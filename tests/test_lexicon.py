"""Shared word lists: person words and the gender they carry."""

from __future__ import annotations

from ficlens.lexicon import KIN_AND_ROLE_WORDS, person_word_genders, word_list


def test_lexicon_person_words_carry_their_gender():
    genders = person_word_genders()
    assert genders["uncle"] == "he" and genders["aunt"] == "she"
    assert genders["landlady"] == "she" and genders["policeman"] == "he"  # our own additions
    assert all(word == word.lower() for word in genders)


def test_lexicon_word_on_both_lists_has_no_gender_unless_we_give_one():
    both = {w.lower() for w in word_list("person_words_male.txt") & word_list("person_words_female.txt")}
    genders = person_word_genders()
    assert all(word not in genders or word in KIN_AND_ROLE_WORDS for word in both)


def test_lexicon_lists_skip_comments_and_blank_lines():
    words = word_list("person_words_male.txt")
    assert words and not any(w.startswith("#") or not w.strip() for w in words)
