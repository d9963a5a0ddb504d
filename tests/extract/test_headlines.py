"""Title Case headlines read in sentence case (the parser's copy only)."""
from stancegraph.extract.rules.headlines import common, is_headline, sentence_case

WORDS = frozenset({"rejects", "reject", "treaty", "calls", "for", "new", "talks", "plan", "to", "use", "back"})


def test_a_headline_is_a_line_of_capitalised_words():
    assert is_headline("Ruritania Rejects Trade Treaty, Calls For New Talks")
    assert not is_headline("Ruritania rejected the trade treaty on Monday, officials said.")
    assert not is_headline("Weber Said No")  # too few longer words to tell


def test_common_words_are_lowered_names_and_acronyms_kept():
    text = "Ruritania Rejects EU Treaty Plan, Calls For New Talks\nWeber said so."
    out = sentence_case(text, WORDS)
    assert out == "Ruritania rejects EU treaty plan, calls for new talks\nWeber said so."
    assert len(out) == len(text)  # one character for one: offsets hold


def test_words_the_document_writes_in_lower_case_count_as_common():
    text = "Freedonia Weighs Border Districts Deal\nThe border districts are disputed."
    assert sentence_case(text, frozenset()).startswith("Freedonia Weighs border districts Deal")


def test_text_without_headlines_is_untouched():
    text = "Ruritania Rejects the treaty, officials said on Monday in a long statement to the press."
    assert sentence_case(text, WORDS) is text


def test_inflected_forms_of_common_words():
    assert common("backs", WORDS) and common("backed", WORDS) and not common("bask", WORDS)


def test_the_lexicons_tables_of_names_are_no_common_words():
    """A capital or an outlet the lexicon lists ("Kyiv Independent", "Budapest") stays a name."""
    from stancegraph.codebook import load_codebook
    from stancegraph.extract.rules.headlines import common_words

    words = common_words(load_codebook())
    assert "rejects" in words or "reject" in words
    assert not {"kyiv", "budapest", "warsaw", "guardian"} & words
    out = sentence_case("Zelensky Says Kyiv And Budapest Will Never Agree\n\nThe text.", words)
    assert out.startswith("Zelensky says Kyiv and Budapest will never agree")
