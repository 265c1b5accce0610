"""`[delivery]`: secrets from the environment, never in a repr, and unusable settings refused."""

from __future__ import annotations

import pytest

from copilot.config import ConfigError, load_config

SMTP = """[delivery]
mode = "smtp"
smtp_host = "mail.example.nl"
smtp_username = "copilot"
from_address = "klantenservice@example.nl"
"""


def test_the_password_comes_from_the_environment_and_stays_out_of_reprs(tmp_path, monkeypatch):
    path = tmp_path / "copilot.toml"
    path.write_text(SMTP)
    monkeypatch.setenv("COPILOT_DELIVERY_SMTP_PASSWORD", "pw-from-the-environment")
    monkeypatch.setenv("COPILOT_DELIVERY_WEBHOOK_SECRET", "a-webhook-secret-of-some-length")
    config = load_config(path)
    assert config.delivery.smtp_password == "pw-from-the-environment"
    assert config.delivery.port == 587  # STARTTLS submission, the default security
    assert "pw-from-the-environment" not in repr(config)
    assert "a-webhook-secret" not in repr(config)


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ('mode = "fax"', "delivery.mode must be one of"),
        ('mode = "smtp"\nfrom_address = "a@example.nl"', "smtp_host is needed"),
        ('mode = "smtp"\nsmtp_host = "mail.example.nl"', "from_address must be"),
        (
            'mode = "smtp"\nsmtp_host = "mail.example.nl"\nfrom_address = "a@example.nl"\n'
            'smtp_security = "none"',
            "only for a mail server on this machine",
        ),
        (
            'mode = "smtp"\nsmtp_host = "mail.example.nl"\nfrom_address = "a@example.nl"\n'
            'smtp_username = "copilot"',
            "go together",
        ),
        ('mode = "webhook"\nwebhook_url = "http://crm.example.nl/x"', "must be https"),
        ('mode = "webhook"\nwebhook_url = "ftp://crm.example.nl/x"', "must be an https://"),
        (
            'mode = "webhook"\nwebhook_url = "https://crm.example.nl/x"\nwebhook_secret = "short"',
            "at least 16 characters",
        ),
        ("attempts = 0", "attempts must be between 1 and 10"),
        ("timeout_s = 0", "timeout_s must be in"),
    ],
)
def test_unusable_settings_are_refused_naming_the_key(tmp_path, settings, message):
    path = tmp_path / "copilot.toml"
    path.write_text(f"[delivery]\n{settings}\n")
    with pytest.raises(ConfigError, match=message):
        load_config(path)


def test_plain_smtp_and_http_are_fine_on_this_machine(tmp_path):
    path = tmp_path / "copilot.toml"
    path.write_text(
        '[delivery]\nmode = "smtp"\nsmtp_host = "127.0.0.1"\nsmtp_security = "none"\n'
        'from_address = "a@example.nl"\nwebhook_url = "http://localhost:8080/drafts"\n'
    )
    config = load_config(path)
    assert config.delivery.port == 25
    config.delivery.mode = "webhook"
    config.delivery.webhook_secret = "a-webhook-secret-of-some-length"
    assert config.delivery.problem() is None
