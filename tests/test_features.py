"""What a sentence says, as the merge compares it: amounts, names and event words."""

from timeline.story.features import amounts, capitalised, event_words


def test_event_words_are_found_whatever_their_case():
    assert event_words("Bod van Musk afgewezen. Het BOD was te laag.") == {"bod"}


def test_a_starred_event_word_takes_any_ending():
    assert event_words("De investeringen in Stargate lopen op.") == {"investering"}


def test_an_event_word_inside_another_word_does_not_count():
    assert event_words("Het aanbod groeit; de kabouter doet niets.") == frozenset()


def test_amounts_read_dutch_notation_with_scale_and_currency():
    found = amounts("Een bod van 97,4 miljard dollar en daarna $70 miljard, plus 1.400 medewerkers.")
    assert found == {(97.4e9, "USD"), (70e9, "USD")}


def test_a_sentence_without_digits_has_no_amount():
    assert amounts("Een bod van vele miljarden dollars.") == frozenset()


def test_capitalised_words_are_the_name_candidates():
    assert capitalised("OpenAI en Microsoft praten met SoftBank.") == {"OpenAI", "Microsoft", "SoftBank"}


def test_a_number_no_notation_writes_is_no_amount_and_no_crash():
    assert amounts("Het bedrijf haalde 1.400.12 miljard euro op en daarna 2,5 miljard euro.") == {(2.5e9, "EUR")}
