"""Plain, deterministic builders for tests: no randomness, every name visibly fictional."""

import datetime
import itertools
import time

from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from django.contrib.auth import get_user_model

from sites.models import Consent, HousingEstate, Membership, Organization, Participant, Site, Study

_counter = itertools.count(1)
PASSWORD = "test-password-1234"


TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def make_user(email=None, *, password=PASSWORD, totp=True, **extra):
    """An account; with TOTP set up unless `totp=False`, as every role that reads transcripts needs it."""
    email = email or f"user{next(_counter)}@example.test"
    user = get_user_model().objects.create_user(username=email, email=email, password=password, **extra)
    if totp:
        TOTP.activate(user, TOTP_SECRET)
    return user


def totp_code(secret=TOTP_SECRET):
    """The code an authenticator app shows now for `secret`."""
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def make_study(slug="etude", title="Étude fictive"):
    return Study.objects.create(slug=slug, title=title, description="Une étude de démonstration.")


def make_site(study, code, *, name=None, city="Montréal"):
    return Site.objects.create(study=study, code=code, name=name or f"Milieu {code}", city=city)


def make_membership(user, study, role, sites=()):
    membership = Membership.objects.create(user=user, study=study, role=role)
    membership.sites.set(sites)
    return membership


def make_organization(study, name="Organisme fictif", *, acronym="OF", kind="community"):
    return Organization.objects.create(study=study, name=name, acronym=acronym, kind=kind)


def make_estate(site, name=None, *, clientele="families", units=120):
    return HousingEstate.objects.create(
        site=site, name=name or f"Ensemble {site.code}", clientele=clientele, units=units
    )


def make_participant(study, site, code=None, *, kind="resident", organization=None, quoted=True, **extra):
    participant = Participant.objects.create(
        study=study,
        site=site,
        code=code or f"R-{site.code}-{next(_counter):02d}",
        kind=kind,
        organization=organization,
        **extra,
    )
    Consent.objects.create(participant=participant, given_on=datetime.date(2019, 3, 1), may_be_quoted=quoted)
    return participant


def make_interview(study, site, title="Entretien fictif", *, text=None, participants=(), author=None, **fields):
    """An interview through the services; with `text`, its first version (turns detected, passages indexed)."""
    from interviews import services

    interview = services.create_interview(
        study=study,
        site=site,
        title=title,
        kind=fields.pop("kind", "individual"),
        created_by=author,
        participants=participants,
        **fields,
    )
    if text is not None:
        services.save_transcript_edit(interview, text=text, author=author)
    return interview


def make_code(study, name=None, *, parent=None, colour=None, by=None, **fields):
    """A code of the study's codebook, through the coding services (colour from the palette when not given)."""
    from coding import services

    return services.create_code(
        study, name=name or f"Code {next(_counter)}", parent=parent, colour=colour, by=by, **fields
    )


def make_excerpt(interview, start, end, *, codes, coder, key=""):
    """An excerpt of the interview's current version coded with `codes` by `coder`, through the services."""
    from coding import services

    excerpt, _created = services.create_excerpt(
        interview, start=start, end=end, code_ids=[code.pk for code in codes], coder=coder, idempotency_key=key
    )
    return excerpt
