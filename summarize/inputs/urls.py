"""Which URLs are fetched: well-formed absolute http and https ones, and, for links found in
feeds, only those on public addresses.

A feed is hostile input: an entry link may be ``javascript:``, ``http://[::1``, a port past
65535, an IPv6 zone id, or point at this machine's private network. Each is refused here with
a reason the user can read, before any connection is made.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from urllib.parse import urlsplit

SCHEMES = ("http", "https")


class FetchError(Exception):
    """One URL that could not be fetched, and why (a line for the user)."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason



_HOST_LABEL = re.compile(r"^(?!-)[A-Za-z0-9_-]{1,63}(?<!-)$")  # "_" is seen in real hosts


def check_url(url: str) -> str:
    """``url`` if it is a well-formed absolute http or https URL; FetchError otherwise, with
    the reason (``file:``, ``javascript:``, ``data:`` and the rest are never followed, and a
    malformed address, port or host is named as such)."""
    text = url.strip()
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError as error:  # "Invalid IPv6 URL", "Port out of range 0-65535"
        raise FetchError(url or "(empty)", f"not a valid URL ({error})") from None
    if parts.scheme.lower() not in SCHEMES:
        scheme = parts.scheme or "no scheme"
        raise FetchError(url or "(empty)", f"not an http or https URL ({scheme}); not followed")
    host = parts.hostname or ""
    problem = _host_problem(host)
    if problem is None and port == 0:
        problem = "port 0"
    if problem is not None:
        raise FetchError(url, f"not a valid URL ({problem})")
    return text


def _host_problem(host: str) -> str | None:
    """Why ``host`` (as urlsplit gives it) cannot be fetched, or None."""
    if not host:
        return "no host"
    if ":" in host:  # an IPv6 literal; a zone id ("%25eth0") names an interface of this host
        if "%" in host:
            return "an IPv6 address with a zone id"
        try:
            ipaddress.IPv6Address(host)
        except ValueError:
            return f"{host!r} is no IPv6 address"
        return None
    shown = host if len(host) <= 60 else host[:57] + "..."
    try:
        ascii_host = host.encode("idna").decode("ascii")
    except UnicodeError:
        return f"{shown!r} is no host name"
    labels = ascii_host.rstrip(".").split(".")
    if len(ascii_host) > 253 or not all(_HOST_LABEL.match(label) for label in labels):
        return f"{shown!r} is no host name"
    return None


def private_host(host: str) -> bool:
    """Whether ``host`` is, or resolves to, a loopback, private, link-local or reserved
    address (an unresolvable name counts as not private: fetching it will fail anyway)."""
    try:
        addresses = {str(info[4][0]) for info in socket.getaddrinfo(host, None)}
    except (OSError, UnicodeError):
        return False
    return any(not ipaddress.ip_address(a.split("%")[0]).is_global for a in addresses)
