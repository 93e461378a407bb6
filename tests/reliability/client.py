"""A person's browser, reduced to what the scenarios need: log in through the login form, then post."""

import html
import re
import time

import requests

TIMEOUT = 20
MFA_PATH = "/accounts/2fa/authenticate/"
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class Browser:
    def __init__(self, base_url):
        self.base_url = base_url
        self.session = requests.Session()
        self.latencies = []
        self.statuses = {}

    def request(self, method, path, **kwargs):
        started = time.monotonic()
        kwargs.setdefault("timeout", TIMEOUT)
        kwargs.setdefault("allow_redirects", False)
        response = self.session.request(method, self.base_url + path, **kwargs)
        self.latencies.append(time.monotonic() - started)
        self.statuses[response.status_code] = self.statuses.get(response.status_code, 0) + 1
        return response

    def csrf_token(self):
        return self.session.cookies.get("csrftoken", "")

    def form_token(self, page):
        found = CSRF_FIELD.search(page.text)
        return found.group(1) if found else self.csrf_token()

    def log_in(self, email, password):
        page = self.request("GET", "/accounts/login/")
        response = self.request(
            "POST",
            "/accounts/login/",
            data={"csrfmiddlewaretoken": self.form_token(page), "login": email, "password": password},
            headers={"Referer": self.base_url + "/accounts/login/"},
        )
        if response.status_code == 302 and response.headers.get("Location", "").startswith(MFA_PATH):
            response = self._second_factor()
        if response.status_code != 302 or "sessionid" not in self.session.cookies:
            errors = re.findall(r"<(?:li|p|div)[^>]*(?:error|alert)[^>]*>(.*?)</", response.text, re.S)
            raise AssertionError(f"login of {email} answered {response.status_code}: {errors}")
        return self

    def _second_factor(self):
        """The authenticator app's code, as every role that reads transcripts must give. allauth refuses a code
        already used: on refusal, the code of the next 30-second window."""
        from tests.factory import totp_code

        for _attempt in range(3):
            page = self.request("GET", MFA_PATH)
            response = self.request(
                "POST",
                MFA_PATH,
                data={"csrfmiddlewaretoken": self.form_token(page), "code": totp_code()},
                headers={"Referer": self.base_url + MFA_PATH},
            )
            if response.status_code == 302:
                return response
            time.sleep(31 - time.time() % 30)
        return response

    def post_form(self, path, data, *, files=None, page_path=None):
        """Post a form the way a browser does: the token read from the page the form is on."""
        page = self.request("GET", page_path or path)
        data = {"csrfmiddlewaretoken": self.form_token(page), **data}
        return self.request("POST", path, data=data, files=files, headers={"Referer": self.base_url + path})

    def post_json(self, path, body):
        return self.request(
            "POST", path, json=body, headers={"X-CSRFToken": self.csrf_token(), "Referer": self.base_url + path}
        )


def field_value(page, name):
    """The value of an input, or the text of a textarea, of an HTML form page."""
    found = re.search(rf'<input[^>]*name="{name}"[^>]*value="([^"]*)"', page) or re.search(
        rf'<textarea[^>]*name="{name}"[^>]*>\n?(.*?)</textarea>', page, re.S
    )
    return html.unescape(found.group(1)) if found else None


def percentile(values, fraction):
    if not values:
        return None
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(fraction * len(ordered)))], 4)
