"""HTTP Message Signatures (RFC 9421) with hmac-sha256, verify side only.

Genesys AudioHook signs its websocket upgrade this way (see `audiohook.verify_signature`
for the AudioHook policy on top). The signature base is one line per covered
component, `"<name>": <value>`, then `"@signature-params": <inner list>` re-serialised
from the parsed Signature-Input, joined with "\\n" and MACed with the shared key.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, NoReturn, TypeGuard

from copilot.telephony.common import ProtocolError

MAX_CLOCK_SKEW = 3.0  # seconds a client clock may run ahead, as in Genesys' reference server

_Params = list[tuple[str, Any]]


@dataclass(frozen=True)
class VerifiedSignature:
    """A signature that checked out, with what the caller needs to refuse its replay.

    Verifying is pure; remembering which signatures were used is the shell's job
    (`serve/nonces.py`), for as long as the signature could still be accepted.
    """

    nonce: str | None  # the signer's `nonce` parameter, None when it gave none
    mac: bytes
    valid_until: float  # Unix seconds: past this the same signature is refused as expired

    @property
    def replay_key(self) -> str:
        """What must not be seen twice while the signature is valid: its nonce, else its MAC.

        A replay repeats the MAC byte for byte (and a different MAC over the same base
        would need the key), so without a nonce the MAC itself marks the request as used.
        """
        return f"nonce:{self.nonce}" if self.nonce is not None else f"mac:{self.mac.hex()}"


def verify_hmac_sha256(
    method: str,
    authority: str,
    path: str,
    headers: Mapping[str, Any],
    key: bytes,
    now: float,
    *,
    required: tuple[str, ...] = (),
    keyid: str | None = None,
    max_age: float = 30.0,
) -> VerifiedSignature:
    """Raise ProtocolError unless `headers` carry a valid, current signature by `key`.

    `path` is the request target as sent (path and query), `authority` the host[:port]
    the client dialled, `now` Unix seconds. The signature must cover every name in
    `required`, carry `keyid` if given, have an integer `created` no older than
    `max_age`, not be past its own `expires`, and a `nonce`, if any, must be a string.
    """
    fields = {str(name).lower(): _field_value(value) for name, value in headers.items()}
    if not fields.get("signature-input") or not fields.get("signature"):
        raise ProtocolError("unsigned", "missing signature-input or signature header")
    label, (covered, params) = next(iter(_SfParser(fields["signature-input"]).dictionary().items()))
    signature = _SfParser(fields["signature"]).dictionary().get(label, (None, []))[0]
    if not isinstance(covered, list) or not isinstance(signature, bytes):
        raise ProtocolError("bad_signature", f"signature {label!r} is malformed or missing")
    names = [item for item, item_params in covered if _is_sf_string(item) and not item_params]
    if len(names) != len(covered) or len(set(names)) != len(names):
        raise ProtocolError("bad_signature", "covered components must be distinct plain strings")
    missing = [name for name in required if name not in names]
    if missing:
        raise ProtocolError("bad_signature", f"signature does not cover {', '.join(missing)}")
    signed = dict(params)
    valid_until = _check_params(signed, keyid, now, max_age)
    lines = [f'"{name}": {_component(name, method, authority, path, fields)}' for name in names]
    lines.append(f'"@signature-params": {_serialize_inner_list(covered, params)}')
    # surrogatepass: never fails, and a header we cannot reproduce simply will not match.
    base = "\n".join(lines).encode("utf-8", "surrogatepass")
    expected = hmac.new(key, base, hashlib.sha256).digest()
    if not hmac.compare_digest(expected, signature):
        raise ProtocolError("bad_signature", "signature does not match")
    return VerifiedSignature(signed.get("nonce"), signature, valid_until)


def _check_params(params: dict[str, Any], keyid: str | None, now: float, max_age: float) -> float:
    """Check the signature's parameters; the moment it stops being accepted (Unix seconds)."""
    if params.get("alg", "hmac-sha256") != "hmac-sha256":
        raise ProtocolError("bad_signature", f"unsupported signature alg {params['alg']!r:.40}")
    if keyid is not None and params.get("keyid") != keyid:
        raise ProtocolError("bad_signature", "signature keyid does not match the API key")
    created, expires = params.get("created"), params.get("expires")
    if not _is_int(created) or (expires is not None and not _is_int(expires)):
        raise ProtocolError("bad_signature", "signature needs an integer created (and expires)")
    if created > now + MAX_CLOCK_SKEW:
        raise ProtocolError("bad_signature", "signature created in the future")
    if (expires is not None and now >= expires) or now > created + max_age + MAX_CLOCK_SKEW:
        raise ProtocolError("expired", "signature has expired")
    nonce = params.get("nonce")
    if nonce is not None and not (_is_sf_string(nonce) and nonce):
        raise ProtocolError("bad_signature", "signature nonce must be a non-empty string")
    too_old_after = created + max_age + MAX_CLOCK_SKEW
    return float(too_old_after if expires is None else min(expires, too_old_after))


def _component(name: str, method: str, authority: str, path: str, fields: dict[str, str]) -> str:
    if name == "@method":
        value = method.upper()
    elif name == "@authority":
        value = (authority or fields.get("host", "")).lower()
    elif name == "@request-target":
        value = path
    elif name == "@path":
        value = path.split("?", 1)[0]
    elif name == "@query":
        value = "?" + path.split("?", 1)[1] if "?" in path else "?"
    elif name.startswith("@"):
        raise ProtocolError("bad_signature", f"unsupported derived component {name[:40]!r}")
    else:
        value = fields.get(name, "")
    if not value:
        raise ProtocolError("bad_signature", f"signed component {name[:40]!r} is missing")
    return value


def _field_value(value: Any) -> str:
    # RFC 9421 2.1: trim, unfold obsolete line folding, join repeated fields with ", ".
    values = value if isinstance(value, list | tuple) else [value]
    return ", ".join(re.sub(r"[ \t]*\r\n[ \t]+", " ", str(v)).strip(" \t") for v in values)


class _Token(str):
    """An sf-token, kept apart from sf-strings so it re-serialises without quotes."""


def _is_int(value: Any) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_sf_string(value: Any) -> bool:
    return isinstance(value, str) and not isinstance(value, _Token)


def _serialize_bare(value: Any) -> str:
    if isinstance(value, bool):
        return "?1" if value else "?0"
    if isinstance(value, int | _Token):
        return str(value)
    if isinstance(value, bytes):
        return ":" + base64.b64encode(value).decode("ascii") + ":"
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _serialize_params(params: _Params) -> str:
    return "".join(f";{k}" if v is True else f";{k}={_serialize_bare(v)}" for k, v in params)


def _serialize_inner_list(items: list[tuple[Any, _Params]], params: _Params) -> str:
    inner = " ".join(_serialize_bare(v) + _serialize_params(p) for v, p in items)
    return f"({inner}){_serialize_params(params)}"


class _SfParser:
    """The slice of RFC 8941 structured fields that signature headers use (no decimals)."""

    _KEY = re.compile(r"[a-z*][a-z0-9_\-.*]*")
    _TOKEN = re.compile(r"[A-Za-z*][!#$%&'*+\-.^_`|~0-9A-Za-z:/]*")
    _INTEGER = re.compile(r"-?[0-9]{1,15}")
    _BYTES = re.compile(r":([A-Za-z0-9+/]*=*):")
    _STRING = re.compile(r'"((?:[\x20\x21\x23-\x5b\x5d-\x7e]|\\["\\])*)"')
    _BOOLEAN = re.compile(r"\?[01]")

    def __init__(self, text: str) -> None:
        self.text, self.pos = text.strip(" "), 0

    def dictionary(self) -> dict[str, tuple[Any, _Params]]:
        members: dict[str, tuple[Any, _Params]] = {}
        while True:
            key = self._match(self._KEY, "key")
            value: Any = True
            if self._take("="):
                value = self._inner_list() if self._peek("(") else self._bare_item()
            members[key] = (value, self._params())
            self._skip(" \t")
            if self.pos == len(self.text):
                return members
            if not self._take(","):
                self._fail("expected ','")
            self._skip(" \t")

    def _inner_list(self) -> list[tuple[Any, _Params]]:
        self._take("(")
        items: list[tuple[Any, _Params]] = []
        while True:
            self._skip(" ")
            if self._take(")"):
                return items
            items.append((self._bare_item(), self._params()))
            if not (self._peek(" ") or self._peek(")")):
                self._fail("expected ' ' or ')'")

    def _params(self) -> _Params:
        params = []
        while self._take(";"):
            self._skip(" ")
            key = self._match(self._KEY, "parameter key")
            params.append((key, self._bare_item() if self._take("=") else True))
        return params

    def _bare_item(self) -> Any:
        if self._peek('"'):
            return re.sub(r"\\(.)", r"\1", self._match(self._STRING, "string", group=1))
        if self._peek(":"):
            encoded = self._match(self._BYTES, "byte sequence", group=1)
            try:
                return base64.b64decode(encoded, validate=True)
            except ValueError:  # binascii.Error is a ValueError
                self._fail("bad base64 in byte sequence")
        if self._peek("?"):
            return self._match(self._BOOLEAN, "boolean") == "?1"
        if self._peek("-") or self.text[self.pos : self.pos + 1].isdigit():
            return int(self._match(self._INTEGER, "integer"))
        return _Token(self._match(self._TOKEN, "item"))

    def _match(self, pattern: re.Pattern[str], what: str, group: int = 0) -> str:
        match = pattern.match(self.text, self.pos)
        if match is None:
            self._fail(f"expected {what}")
        self.pos = match.end()
        return match.group(group)

    def _peek(self, char: str) -> bool:
        return self.text.startswith(char, self.pos)

    def _take(self, char: str) -> bool:
        if self._peek(char):
            self.pos += len(char)
            return True
        return False

    def _skip(self, chars: str) -> None:
        while self.pos < len(self.text) and self.text[self.pos] in chars:
            self.pos += 1

    def _fail(self, why: str) -> NoReturn:
        raise ProtocolError("bad_signature", f"malformed signature header at {self.pos}: {why}")
