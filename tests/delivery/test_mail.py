"""SMTP delivery against a real local mail server: STARTTLS, TLS, plain on loopback, AUTH, and
every way it can fail, each a reason code and never a word of the server's answer."""

from __future__ import annotations

import pytest

from copilot.delivery.mail import SmtpSender
from copilot.delivery.outgoing import DeliveryFailed, OutgoingDraft
from copilot.delivery.settings import DeliveryConfig
from tests.delivery.servers import PASSWORD, USER, free_port, mail_server, self_signed

# aiosmtpd warns on each implicit-TLS connection that AUTH does not require STARTTLS: there
# the whole socket is TLS from its first byte.
pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")

TEXT_NL = "Beste mevrouw Jansen,\n\nUw pakket 3SABC1234567 wordt morgen tussen 9 en 12 uur bezorgd."


@pytest.fixture(scope="module")
def cert(tmp_path_factory):
    return self_signed(tmp_path_factory.mktemp("tls"))


def draft(recipient: str = "jan@example.nl", text: str = TEXT_NL) -> OutgoingDraft:
    return OutgoingDraft(
        delivery_id="d1",
        call_id="CA-mail",
        suggestion_id="CA-mail:draft:email",
        recipient=recipient,
        subject="Uw pakket\nBcc: stranger@example.org",  # a newline must not add a header
        text=text,
        language="nl",
    )


def config(port: int, cert=None, security: str = "starttls", **changes) -> DeliveryConfig:
    settings = DeliveryConfig(
        mode="smtp",
        smtp_host="127.0.0.1",
        smtp_port=port,
        smtp_security=security,
        smtp_username=USER,
        smtp_password=PASSWORD,
        from_address="klantenservice@example.nl",
        ca_file=str(cert[0]) if cert else "",
        timeout_s=5.0,
    )
    for key, value in changes.items():
        setattr(settings, key, value)
    assert settings.problem() is None
    return settings


@pytest.mark.parametrize("security", ["starttls", "tls"])
def test_a_draft_arrives_encrypted_after_auth(cert, security):
    with mail_server(security, cert) as (port, inbox):
        SmtpSender(config(port, cert, security)).send(draft(), timeout_s=5)
    [mail] = inbox.mails
    assert mail.tls and mail.login == USER
    assert mail.mail_from == "klantenservice@example.nl" and mail.rcpt_tos == ["jan@example.nl"]
    message = mail.message
    assert message["To"] == "jan@example.nl"
    assert message["Subject"] == "Uw pakket Bcc: stranger@example.org"
    assert message["Bcc"] is None and message["Content-Language"] == "nl"
    assert message["Message-ID"].endswith("@example.nl>")
    assert message.get_content().replace("\r\n", "\n").strip() == TEXT_NL


def test_plain_smtp_on_loopback_without_auth():
    with mail_server("none", auth=False) as (port, inbox):
        settings = config(port, security="none", smtp_username="", smtp_password="")
        SmtpSender(settings).send(draft(text="Dear Mr Smith,\n\nYour refund is on its way."), 5)
    [mail] = inbox.mails
    assert not mail.tls and mail.login == ""
    assert "Your refund is on its way." in mail.message.get_content()


def test_a_wrong_password_is_smtp_auth_and_not_tried_again(cert):
    with mail_server("starttls", cert) as (port, inbox):
        with pytest.raises(DeliveryFailed) as failed:
            SmtpSender(config(port, cert, smtp_password="wrong")).send(draft(), 5)
    assert failed.value.code == "smtp_auth" and not failed.value.temporary
    # smtplib tries each mechanism the server offers (PLAIN, LOGIN) once; no further tries.
    assert set(inbox.logins) == {(USER, "wrong")} and len(inbox.logins) <= 2
    assert inbox.mails == []


def test_an_untrusted_certificate_is_smtp_tls_and_nothing_is_sent(cert):
    with mail_server("starttls", cert) as (port, inbox):
        with pytest.raises(DeliveryFailed) as failed:
            SmtpSender(config(port, cert=None)).send(draft(), 5)  # the system's CAs only
    assert failed.value.code == "smtp_tls"
    assert inbox.logins == [] and inbox.mails == []  # the password never left


def test_a_server_without_starttls_gets_nothing_in_clear(cert):
    with mail_server("none", auth=False) as (port, inbox):
        with pytest.raises(DeliveryFailed) as failed:
            SmtpSender(config(port, cert)).send(draft(), 5)
    assert failed.value.code == "smtp_tls" and inbox.mails == []


@pytest.mark.parametrize(
    ("reply", "temporary"),
    [("550 5.1.1 <jan@example.nl>: no such user", False), ("451 4.3.0 try later", True)],
)
def test_a_refused_recipient_is_smtp_rejected_without_the_servers_words(cert, reply, temporary):
    with mail_server("starttls", cert) as (port, inbox):
        inbox.refuse["jan@example.nl"] = reply
        with pytest.raises(DeliveryFailed) as failed:
            SmtpSender(config(port, cert)).send(draft(), 5)
    assert failed.value.code == "smtp_rejected" and failed.value.temporary is temporary
    assert str(failed.value) == "smtp_rejected"  # the address the server quoted stays out
    assert failed.value.__cause__ is None and failed.value.__suppress_context__


def test_no_server_is_smtp_unreachable_and_worth_another_try():
    with pytest.raises(DeliveryFailed) as failed:
        SmtpSender(config(free_port())).send(draft(), 2)
    assert failed.value.code == "smtp_unreachable" and failed.value.temporary


def test_no_recipient_is_refused_before_connecting():
    with pytest.raises(DeliveryFailed) as failed:
        SmtpSender(config(free_port())).send(draft(recipient=""), 2)
    assert failed.value.code == "no_recipient"
