"""create_excerpts: many ranges in one call (load_demo relies on it), checked as carefully as create_excerpt."""

import pytest
from django.core.exceptions import ValidationError

from coding import services
from coding.models import Coding, Excerpt
from tests import factory

pytestmark = pytest.mark.usefixtures("fast_passwords")

TEXT = "Marie : Le comité café 😀 réunit les résidents.\nI : Depuis quand ?\nMarie : Depuis 2019, je crois."


@pytest.fixture
def interview(study, site_a, researcher):
    return factory.make_interview(study, site_a, text=TEXT, author=researcher)


@pytest.fixture
def codes(study, researcher):
    return factory.make_code(study, "Réseau", by=researcher), factory.make_code(study, "Lieux", by=researcher)


def span(word):
    start = TEXT.index(word)
    return start, start + len(word)


def test_each_range_becomes_an_excerpt_with_the_servers_quote_and_one_coding_per_code(interview, codes, coder):
    ranges = [(*span("café 😀"), [codes[0].pk, codes[1].pk], "a"), (*span("Depuis 2019"), [codes[1].pk], "b")]
    excerpts = services.create_excerpts(interview, ranges=ranges, coder=coder)
    assert [excerpt.quote for excerpt in excerpts] == ["café 😀", "Depuis 2019"]
    stored = Excerpt.objects.get(idempotency_key="a")
    assert (stored.prefix, stored.suffix) == (TEXT[: stored.start][-32:], TEXT[stored.end :][:32])
    assert stored.version == interview.current_version and stored.created_by == coder
    assert sorted(Coding.objects.values_list("excerpt__idempotency_key", "code_id", "coder_id")) == [
        ("a", codes[0].pk, coder.pk),
        ("a", codes[1].pk, coder.pk),
        ("b", codes[1].pk, coder.pk),
    ]


def test_keys_the_coder_already_used_are_skipped_so_a_second_load_adds_nothing(interview, codes, coder, researcher):
    ranges = [(*span("café"), [codes[0].pk], "a"), (*span("résidents"), [codes[0].pk], "b")]
    services.create_excerpts(interview, ranges=ranges, coder=coder)
    assert services.create_excerpts(interview, ranges=ranges, coder=coder) == []
    assert len(services.create_excerpts(interview, ranges=ranges, coder=researcher)) == 2  # keys are per coder
    assert Excerpt.objects.count() == 4 and Coding.objects.count() == 4


@pytest.mark.parametrize("bad", [(-1, 4), (10, 10), (20, 5), (0, len(TEXT) + 1), ("a", 3)])
def test_one_range_outside_the_text_refuses_the_whole_call(interview, codes, coder, bad):
    ranges = [(*span("café"), [codes[0].pk], "a"), (*bad, [codes[0].pk], "b")]
    with pytest.raises(ValidationError):
        services.create_excerpts(interview, ranges=ranges, coder=coder)
    assert not Excerpt.objects.exists() and not Coding.objects.exists()


def test_codes_of_another_study_or_none_at_all_are_refused(interview, codes, coder, other_study, other_admin):
    foreign = factory.make_code(other_study, "Ailleurs", by=other_admin)
    for code_ids in ([foreign.pk], []):
        with pytest.raises(ValidationError):
            services.create_excerpts(interview, ranges=[(*span("café"), code_ids, "a")], coder=coder)
    assert not Excerpt.objects.exists()
