"""Script and markup payloads in everything people type or upload stay inert on every page and in JSON data.

The browser runs with the page's Content-Security-Policy bypassed, so what is proved is the escaping itself, not the
CSP that would also stop most of these: no payload sets `window.__xss`, opens a dialog, or becomes an element.
"""

import datetime

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from coding import services as coding
from interviews import services
from reports import services as sheets
from tests import factory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("fast_passwords")]

# Where a value ends up in a URL (a pseudonym code, a file name) it cannot hold a slash, so no closing tag.
SHORT = '"><img src=x onerror=alert(1)>'
LONG = "</textarea></script><script>window.__xss='script'</script><img src=x onerror=\"window.__xss='img'\">"
TEXT = f"I : Bonjour {LONG}\nR : Je dis {SHORT} et {LONG} au comité.\nI : Merci."


@pytest.fixture
def world(study, site_a, admin, media_root):
    organization = factory.make_organization(study, f"Org {SHORT}", acronym="X<b>")
    participant = factory.make_participant(study, site_a, SHORT, organization=organization, role_title=LONG)
    interview = factory.make_interview(study, site_a, f"Entretien {LONG}", participants=[(participant, "R")])
    services.import_transcript(interview, name=f"{SHORT}.txt", data=TEXT.encode(), author=None)
    interview.refresh_from_db()
    code = factory.make_code(study, f"Code {LONG}"[:200], definition=LONG)
    start = TEXT.index("Je dis")
    excerpt = factory.make_excerpt(interview, start, start + 60, codes=[code], coder=admin)
    memo = coding.create_memo(study, author=admin, kind="analytic", title=f"Mémo {SHORT}", body=LONG, anchor=excerpt)
    sheet = sheets.create_sheet(study, site=None, title=f"Fiche {LONG}", kind_label="Fiche",
                                date=datetime.date(2022, 3, 1), by=admin)  # fmt: skip
    item = sheets.add_quote(sheet, excerpt=excerpt, by=admin)
    sheets.add_section(sheet, heading=f"Section {SHORT}", body=f"{LONG}\n\n[[evidence:{item.number}]]")
    sheets.set_status(sheet, "review")
    sheets.publish_sheet(sheet, by=admin)
    return {"interview": interview, "code": code, "memo": memo, "participant": participant, "sheet": sheet}


def pages(world):
    interview, slug = world["interview"], "etude"
    on_interview = {"study": slug, "pk": interview.pk}
    return [
        reverse("sites:study_dashboard", kwargs={"study": slug}),
        reverse("sites:organization_list", kwargs={"study": slug}),
        reverse("sites:participant_list", kwargs={"study": slug}),
        reverse("sites:participant_detail", kwargs={"study": slug, "code": world["participant"].code}),
        reverse("interviews:interview_list", kwargs={"study": slug}),
        reverse("interviews:interview_detail", kwargs=on_interview),
        reverse("interviews:version_list", kwargs=on_interview),
        reverse("interviews:redaction_list", kwargs=on_interview),
        reverse("interviews:transcript_search", kwargs={"study": slug}) + "?q=comité",
        reverse("coding:workspace", kwargs=on_interview),
        reverse("coding:workspace_codings", kwargs=on_interview),
        reverse("coding:codebook_detail", kwargs={"study": slug}),
        reverse("coding:code_detail", kwargs={"study": slug, "pk": world["code"].pk}),
        reverse("coding:memo_list", kwargs={"study": slug}),
        reverse("coding:memo_detail", kwargs={"study": slug, "pk": world["memo"].pk}),
        reverse("coding:transcript_edit", kwargs=on_interview),
        reverse("reports:retrieval", kwargs={"study": slug}),
        reverse("reports:site_report", kwargs={"study": slug, "code": "MTL1"}),
        reverse("reports:transversal", kwargs={"study": slug}) + f"?quotes={world['code'].pk}",
        reverse("reports:cooccurrence", kwargs={"study": slug}),
        reverse("reports:export_codings", kwargs={"study": slug}),
        reverse("reports:sheet_list", kwargs={"study": slug}),
        reverse("reports:sheet_detail", kwargs={"study": slug, "pk": world["sheet"].pk}),
        reverse("reports:portal"),
        reverse("reports:portal_sheet", kwargs={"pk": world["sheet"].pk}),
    ]


@pytest.fixture
def page(browser, live_server, admin):
    client = Client()
    client.force_login(admin)
    context = browser.new_context(base_url=live_server.url, bypass_csp=True, locale="en")
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}])
    # alert, confirm and prompt leave a mark instead of a dialog; a dialog that opens anyway is recorded too
    context.add_init_script(
        "for (const name of ['alert', 'confirm', 'prompt']) window[name] = () => { window.__xss = name; };"
    )
    page = context.new_page()
    page.dialogs = []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    yield page
    context.close()


def test_no_payload_runs_or_becomes_markup_on_any_page(page, world):
    visited = []
    for url in pages(world):
        response = page.goto(url)
        assert response.status == 200, url
        page.wait_for_load_state("load")
        page.wait_for_timeout(50)  # an onerror handler runs once the broken image fails, right after load
        assert page.evaluate("window.__xss") is None, url
        assert page.dialogs == [], url
        assert page.locator("img[src='x']").count() == 0, url
        # Only data blocks (json_script) may hold the payload's words, as JSON text that never runs.
        runnable = page.locator("script").evaluate_all(
            "nodes => nodes.filter(node => !['application/json', 'importmap'].includes(node.type))"
            ".map(node => node.textContent)"
        )
        assert not any("__xss" in script for script in runnable), url
        visited.append(url)
    assert len(visited) == len(pages(world))


def test_the_payload_is_shown_as_text(page, world):
    page.goto(reverse("interviews:interview_detail", kwargs={"study": "etude", "pk": world["interview"].pk}))
    assert "<script>window.__xss='script'</script>" in page.locator("#transcript").inner_text()
    page.goto(reverse("coding:code_detail", kwargs={"study": "etude", "pk": world["code"].pk}))
    assert "onerror=" in page.locator("h1").inner_text()


def test_the_check_would_catch_a_payload_that_runs(page, live_server):
    """The same payloads, unescaped, do run in this browser: the checks above are not blind."""
    page.goto(live_server.url + "/accounts/login/")
    page.set_content(f"<div>{SHORT}</div>")
    page.wait_for_function("window.__xss === 'alert'")
    page.set_content(f"<div>{LONG}</div>")
    page.wait_for_function("window.__xss === 'script' || window.__xss === 'img'")
    assert page.locator("img[src='x']").count() == 1
