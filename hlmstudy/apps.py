from django.apps import AppConfig


class HlmstudyConfig(AppConfig):
    name = "hlmstudy"
    verbose_name = "hlmstudy"

    def ready(self):
        # allauth's flows offer signals, not hooks: the session clocks start at login, activating TOTP counts
        # as the session's second factor, a new password ends the other sessions.
        from allauth.account.signals import password_changed, password_reset, password_set
        from allauth.mfa.signals import authenticator_added
        from django.contrib.auth.signals import user_logged_in

        from hlmstudy import sessions

        user_logged_in.connect(sessions.on_user_logged_in, dispatch_uid="hlmstudy-session-clock")
        authenticator_added.connect(sessions.on_authenticator_added, dispatch_uid="hlmstudy-totp-counts")
        for signal in (password_changed, password_set, password_reset):
            signal.connect(sessions.on_password_changed, dispatch_uid=f"hlmstudy-end-sessions-{id(signal)}")
