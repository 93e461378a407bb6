"""The demo study's sources: one interview per demo text (interviews/demo_texts.py), written through the services.

load_demo calls load_interviews after the structure (sites/demo.py) and before the coding (coding/demo.py),
which codes the theme spans the texts carry. Loading is keyed on the title within the study: an interview
that is already there is left as it is, so a second run adds nothing and a transcript someone corrected in
the meantime is not overwritten.
"""

import re
import zlib

from django.db import transaction
from django.db.models import Min

from interviews import services
from interviews.demo_texts import INTERVIEWER, DemoText, ParticipantInfo, demo_corpus
from interviews.models import Interview, InterviewParticipant
from sites import demo as sites_demo
from sites.models import Consent, Participant, Site

KINDS = {
    "individual_interview": Interview.Kind.INDIVIDUAL,
    "group_interview": Interview.Kind.GROUP,
    "observation_notes": Interview.Kind.OBSERVATION,
}
FIRST_TAKE_NOTE = "Transcription brute"
CORRECTED_NOTE = "Corrections après réécoute de l'enregistrement"
FINAL_NOTE = "Transcription anonymisée"


def demo_texts(study) -> list[DemoText]:
    """The demo corpus for the study's sites and participants, as demo_texts writes it (~1 s of CPU, 2 queries)."""
    order = {demo_site.code: index for index, demo_site in enumerate(sites_demo.SITES)}
    sites = sorted(Site.objects.filter(study=study), key=lambda site: (order.get(site.code, len(order)), site.code))
    people = Participant.objects.filter(study=study).select_related("site", "organization", "housing_estate")
    infos = [
        ParticipantInfo(
            code=person.code,
            kind=person.kind,
            site_code=person.site.code,
            organization_kind=person.organization.kind if person.organization else "",
            organization=person.organization.name if person.organization else "",
            role_title=person.role_title,
            estate=person.housing_estate.name if person.housing_estate else "",
            clientele=person.housing_estate.clientele if person.housing_estate else "",
            attributes=person.attributes,
        )
        for person in people.order_by("code")
    ]
    return demo_corpus([(site.code, site.name, site.city) for site in sites], infos, sites_demo.GROUP_INTERVIEW_SITE)


@transaction.atomic
def load_interviews(study, *, author, texts=None) -> list[tuple[Interview, DemoText]]:
    """An interview with its transcript for each demo text not loaded yet; (interview, text) for all of them.

    author is the researcher who interviewed, observed and transcribed. About 25 queries per new interview.
    """
    texts = demo_texts(study) if texts is None else texts
    existing = {
        interview.title: interview
        for interview in Interview.objects.filter(study=study, title__in=[text.title for text in texts]).select_related(
            "current_version"
        )
    }
    sites = {site.code: site for site in Site.objects.filter(study=study)}
    participants = {participant.code: participant for participant in Participant.objects.filter(study=study)}
    loaded = []
    for text in texts:
        interview = existing.get(text.title)
        if interview is None:
            interview = _create(study, text, sites[text.site_code], participants, author)
        loaded.append((interview, text))
    _consent_by_first_interview(study)
    return loaded


def _consent_by_first_interview(study):
    """Move a consent the structure dated after the participant's first interview back to that day (3 queries)."""
    firsts = dict(
        InterviewParticipant.objects.filter(interview__study=study, interview__date__isnull=False)
        .values_list("participant")
        .annotate(first=Min("interview__date"))
        .order_by()
    )
    late = [
        consent
        for consent in Consent.objects.filter(participant__in=list(firsts))
        if consent.given_on > firsts[consent.participant_id]
    ]
    for consent in late:
        consent.given_on = firsts[consent.participant_id]
    Consent.objects.bulk_update(late, ["given_on"])


def _create(study, text, site, participants, author):
    """One interview: its speakers labelled as in the text (so the services map every turn), versions, status."""
    speakers = [(participants[speaker.code], speaker.label) for speaker in text.speakers if speaker.code]
    interview = services.create_interview(
        study=study,
        site=site,
        kind=KINDS[text.kind],
        title=text.title,
        created_by=author,
        date=text.date,
        interviewer=author,
        interviewer_label=INTERVIEWER if text.speakers else "",
        meeting=text.meeting,
        committee=text.committee,
        participants=speakers,
    )
    if has_first_take(text):
        services.save_transcript_edit(interview, text=first_take(text.text), author=author, note=FIRST_TAKE_NOTE)
        services.save_transcript_edit(interview, text=text.text, author=author, note=CORRECTED_NOTE)
    else:
        services.save_transcript_edit(interview, text=text.text, author=author, note=FINAL_NOTE)
    return services.set_status(interview, status=status_of(text))


def status_of(text: DemoText) -> str:
    """Where the demo puts an interview in the workflow: most coded, some still to code, a few validated."""
    if text.kind == "group_interview":
        return Interview.Status.VALIDATED
    share = _share(text.title)
    if share < 10:
        return Interview.Status.VALIDATED
    if share < 22:
        return Interview.Status.READY
    return Interview.Status.CODED


def has_first_take(text: DemoText) -> bool:
    """A few individual interviews were corrected after a second listening: they have two versions."""
    return text.kind == "individual_interview" and _share(f"first take {text.title}") < 8


def first_take(text: str) -> str:
    """The transcript as first typed: the end of the participant's first answer still marked inaudible."""
    paragraphs = text.split("\n\n")
    index = min(4, len(paragraphs) - 1)
    sentences = re.split(r"(?<=[.!?…]) ", paragraphs[index])
    if len(sentences) > 1:
        paragraphs[index] = " ".join(sentences[:-1] + ["[passage inaudible, à réécouter]"])
    return "\n\n".join(paragraphs)


def _share(key: str) -> int:
    """A stable number in 0–99 for a key (Python's hash() of a str changes between runs)."""
    return zlib.crc32(key.encode("utf-8")) % 100


def loaded_sources(study) -> list[tuple[Interview, DemoText]]:
    """(interview, text) for the demo texts already loaded in the study (the corpus regenerated, ~1 s)."""
    texts = demo_texts(study)
    interviews = Interview.objects.filter(study=study, title__in=[text.title for text in texts])
    by_title = {interview.title: interview for interview in interviews.select_related("current_version")}
    return [(by_title[text.title], text) for text in texts if text.title in by_title]
