"""create_excerpt, add_codings, remove_coding, change_extent: what the workspace relies on."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from coding import services
from coding.models import Coding, Excerpt, Memo
from tests import factory

pytestmark = pytest.mark.usefixtures("fast_passwords")

TEXT = "Marie : Le comité café 😀 réunit les résidents.\nI : Depuis quand ?\nMarie : Depuis 2019, je crois."


@pytest.fixture
def interview(study, site_a, researcher):
    return factory.make_interview(study, site_a, text=TEXT, author=researcher)


@pytest.fixture
def codes(study, researcher):
    return factory.make_code(study, "Réseau", by=researcher), factory.make_code(study, "Lieux", by=researcher)


def test_the_server_recomputes_quote_prefix_and_suffix_from_its_own_text(interview, codes, coder):
    start = TEXT.index("café")
    excerpt, created = services.create_excerpt(
        interview, start=start, end=start + len("café 😀"), code_ids=[codes[0].pk], coder=coder
    )
    assert created
    assert excerpt.quote == "café 😀"
    assert excerpt.prefix == TEXT[:start][-32:]
    assert excerpt.suffix == TEXT[start + 6 : start + 6 + 32]
    assert excerpt.version == interview.current_version
    assert list(excerpt.codings.values_list("code_id", "coder_id")) == [(codes[0].pk, coder.pk)]


def test_a_quote_sent_by_the_client_is_not_an_argument(interview, codes, coder):
    with pytest.raises(TypeError):
        services.create_excerpt(interview, start=0, end=5, code_ids=[codes[0].pk], coder=coder, quote="faux")


def test_the_same_idempotency_key_twice_makes_one_excerpt(interview, codes, coder):
    first, created = services.create_excerpt(
        interview, start=8, end=17, code_ids=[codes[0].pk], coder=coder, idempotency_key="k-1"
    )
    again, created_again = services.create_excerpt(
        interview, start=8, end=17, code_ids=[codes[0].pk], coder=coder, idempotency_key="k-1"
    )
    assert created and not created_again
    assert again.pk == first.pk
    assert Excerpt.objects.count() == 1 and Coding.objects.count() == 1


def test_another_coder_may_use_the_same_key(interview, codes, coder, researcher):
    services.create_excerpt(interview, start=8, end=17, code_ids=[codes[0].pk], coder=coder, idempotency_key="k")
    services.create_excerpt(interview, start=8, end=17, code_ids=[codes[0].pk], coder=researcher, idempotency_key="k")
    assert Excerpt.objects.count() == 2


@pytest.mark.parametrize(("start", "end"), [(-1, 4), (5, 5), (9, 3), (0, len(TEXT) + 1), ("a", 3), (None, 2)])
def test_a_range_outside_the_text_is_refused(interview, codes, coder, start, end):
    with pytest.raises(ValidationError):
        services.create_excerpt(interview, start=start, end=end, code_ids=[codes[0].pk], coder=coder)
    assert not Excerpt.objects.exists()


def test_the_whole_text_is_a_valid_range(interview, codes, coder):
    excerpt, _ = services.create_excerpt(interview, start=0, end=len(TEXT), code_ids=[codes[0].pk], coder=coder)
    assert excerpt.quote == TEXT and excerpt.prefix == "" and excerpt.suffix == ""


def test_codes_of_another_study_are_refused(interview, codes, coder, other_study):
    elsewhere = factory.make_code(other_study, "Ailleurs")
    with pytest.raises(ValidationError):
        services.create_excerpt(interview, start=0, end=5, code_ids=[codes[0].pk, elsewhere.pk], coder=coder)
    assert not Excerpt.objects.exists()


def test_archived_or_merged_codes_and_no_code_are_refused(interview, codes, coder, researcher):
    services.archive_code(codes[1], by=researcher)
    for code_ids in ([codes[1].pk], [], ["x"]):
        with pytest.raises(ValidationError):
            services.create_excerpt(interview, start=0, end=5, code_ids=code_ids, coder=coder)
    assert not Excerpt.objects.exists()


def test_an_interview_without_text_cannot_be_coded(study, site_a, codes, coder):
    empty = factory.make_interview(study, site_a)
    with pytest.raises(ValidationError):
        services.create_excerpt(empty, start=0, end=1, code_ids=[codes[0].pk], coder=coder)


def test_add_codings_keeps_existing_ones(interview, codes, coder):
    excerpt = factory.make_excerpt(interview, 0, 5, codes=[codes[0]], coder=coder)
    added = services.add_codings(excerpt, code_ids=[codes[0].pk, codes[1].pk], coder=coder)
    assert sorted(c.code_id for c in added) == sorted(c.pk for c in codes)
    assert Coding.objects.filter(excerpt=excerpt).count() == 2


def test_removing_a_coding_removes_only_that_code(interview, codes, coder, researcher):
    excerpt = factory.make_excerpt(interview, 0, 5, codes=codes, coder=coder)
    services.add_codings(excerpt, code_ids=[codes[0].pk], coder=researcher)
    removed = Coding.objects.get(excerpt=excerpt, code=codes[0], coder=coder)
    assert services.remove_coding(removed, by=coder) is False
    left = set(Coding.objects.filter(excerpt=excerpt).values_list("code_id", "coder_id"))
    assert left == {(codes[1].pk, coder.pk), (codes[0].pk, researcher.pk)}


def test_the_last_coding_takes_its_excerpt_but_not_its_memos(interview, codes, coder):
    excerpt = factory.make_excerpt(interview, 0, 5, codes=[codes[0]], coder=coder)
    memo = Memo.objects.create(study=interview.study, author=coder, title="Note", excerpt=excerpt)
    assert services.remove_coding(excerpt.codings.get(), by=coder) is True
    assert not Excerpt.objects.exists()
    memo.refresh_from_db()
    assert memo.excerpt_id is None and memo.interview_id == interview.pk


def test_a_coder_cannot_remove_another_coders_coding(interview, codes, coder, researcher):
    excerpt = factory.make_excerpt(interview, 0, 5, codes=[codes[0]], coder=researcher)
    with pytest.raises(PermissionDenied):
        services.remove_coding(excerpt.codings.get(), by=coder)
    assert Coding.objects.count() == 1


def test_change_extent_recomputes_the_quote(interview, codes, coder):
    excerpt = factory.make_excerpt(interview, 0, 5, codes=[codes[0]], coder=coder)
    start = TEXT.index("comité")
    services.change_extent(excerpt, start=start, end=start + 6, by=coder)
    excerpt.refresh_from_db()
    assert (excerpt.quote, excerpt.start) == ("comité", start)
    with pytest.raises(ValidationError):
        services.change_extent(excerpt, start=3, end=len(TEXT) + 2, by=coder)
