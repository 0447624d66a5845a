"""Who triggers a transition: a signed-in user, an applicant from the passwordless portal,
or the system (a scheduled task)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from workflows.access.network import client_ip


@dataclass(frozen=True)
class Actor:
    user: Any | None = None  # django.contrib.auth user
    person: Any | None = None  # applications.Person (portal sign-in, no password)
    is_system: bool = False
    ip: str | None = None
    user_agent: str = ""

    @classmethod
    def system(cls) -> Actor:
        return cls(is_system=True)

    @classmethod
    def from_request(cls, request, person=None) -> Actor:
        user = getattr(request, "user", None)
        if user is not None and not user.is_authenticated:
            user = None
        return cls(
            user=user,
            person=person,
            ip=client_ip(request),
            user_agent=request.META.get("HTTP_USER_AGENT", "")[:500],
        )

    def __str__(self) -> str:
        if self.user is not None:
            return self.user.get_full_name() or self.user.get_username()
        if self.person is not None:
            return str(self.person)
        return "system"
