"""The development e-mail backend: prints each message as its reader would see it.

Django's console backend prints the encoded message; a body line longer than 78 characters, such as an
invitation or password-reset link, then comes out quoted-printable and cut by "=" soft breaks, so the link
cannot be copied. Encoding for RFC 5322's 998-character line limit keeps the body as plain UTF-8 text.
"""

import email.policy

from django.core.mail.backends import console

READABLE = email.policy.default.clone(max_line_length=998, utf8=True)


class EmailBackend(console.EmailBackend):
    def write_message(self, message):
        self.stream.write(message.message(policy=READABLE).as_bytes().decode() + "\n")
        self.stream.write("-" * 79 + "\n")
