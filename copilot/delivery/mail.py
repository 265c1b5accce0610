"""A sent draft as an e-mail through a mail server: SMTP with STARTTLS or TLS, and AUTH.

Blocking (the standard library's `smtplib`): `runner` calls it in a thread. Each
failure becomes a reason code; the server's own words are dropped, since a refusal
quotes the address (`550 <jan@example.nl>: unknown user`) and logs must not.
"""

from __future__ import annotations

import smtplib
import ssl
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from copilot.delivery.outgoing import DeliveryFailed, OutgoingDraft
from copilot.delivery.settings import DeliveryConfig


class SmtpSender:
    """Sends each draft as one plain-text mail from `from_address` to the customer."""

    via = "smtp"

    def __init__(self, config: DeliveryConfig) -> None:
        self.config = config
        self.tls = ssl.create_default_context(cafile=config.ca_file or None)

    def message(self, draft: OutgoingDraft) -> EmailMessage:
        """The mail: From, To, Subject (on one line), Date, Message-ID, language, the text."""
        message = EmailMessage()
        message["From"] = self.config.from_address
        message["To"] = draft.recipient
        message["Subject"] = " ".join(draft.subject.split())  # a newline would end the header
        message["Date"] = formatdate(localtime=True)
        message["Message-ID"] = make_msgid(domain=self.config.from_address.rpartition("@")[2])
        message.set_content(draft.text)
        if draft.language:  # after the content: set_content drops every Content-* header
            message["Content-Language"] = draft.language
        return message

    def send(self, draft: OutgoingDraft, timeout_s: float) -> None:
        """Connect, secure, log in, send; raise DeliveryFailed with the reason it did not."""
        if not draft.recipient:
            raise DeliveryFailed("no_recipient")
        message = self.message(draft)
        try:
            with self._connect(timeout_s) as smtp:
                self._secure_and_log_in(smtp)
                smtp.send_message(message, self.config.from_address, [draft.recipient])
        except DeliveryFailed:
            raise
        except smtplib.SMTPRecipientsRefused as exc:
            codes = [code for code, _words in exc.recipients.values()]
            raise DeliveryFailed("smtp_rejected", temporary=_all_temporary(codes)) from None
        except smtplib.SMTPResponseException as exc:  # sender or message refused, or a greeting
            raise DeliveryFailed(
                "smtp_rejected", temporary=_all_temporary([exc.smtp_code])
            ) from None
        except ssl.SSLError:
            raise DeliveryFailed("smtp_tls") from None
        except TimeoutError:
            raise DeliveryFailed("smtp_timeout", temporary=True) from None
        except smtplib.SMTPServerDisconnected:
            raise DeliveryFailed("smtp_unreachable", temporary=True) from None
        except smtplib.SMTPException:  # before OSError, which every SMTPException is
            raise DeliveryFailed("smtp_error") from None
        except OSError:  # refused, reset, no such host
            raise DeliveryFailed("smtp_unreachable", temporary=True) from None

    def _connect(self, timeout_s: float) -> smtplib.SMTP:
        config = self.config
        if config.smtp_security == "tls":
            return smtplib.SMTP_SSL(
                config.smtp_host, config.port, timeout=timeout_s, context=self.tls
            )
        return smtplib.SMTP(config.smtp_host, config.port, timeout=timeout_s)

    def _secure_and_log_in(self, smtp: smtplib.SMTP) -> None:
        config = self.config
        smtp.ehlo()
        if config.smtp_security == "starttls":
            if not smtp.has_extn("starttls"):
                raise DeliveryFailed("smtp_tls")  # never fall back to sending in clear
            smtp.starttls(context=self.tls)
            smtp.ehlo()
        if not config.smtp_username:
            return
        if not smtp.has_extn("auth"):
            raise DeliveryFailed("smtp_auth")
        try:
            smtp.login(config.smtp_username, config.smtp_password)
        except smtplib.SMTPAuthenticationError as exc:
            # 454: a temporary authentication failure; 535 and the rest: the credentials.
            raise DeliveryFailed("smtp_auth", temporary=exc.smtp_code == 454) from None
        except smtplib.SMTPException:
            raise DeliveryFailed("smtp_auth") from None


def _all_temporary(codes: list[int]) -> bool:
    """SMTP 4xx replies say "try again later"; 5xx say "never"."""
    return bool(codes) and all(400 <= code < 500 for code in codes)
