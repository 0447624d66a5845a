"""django-q2 entry points of the notifications app (thin wrappers around services)."""

from workflows.notifications import services


def send_outbound_email(email_id: int) -> str:
    return services.send_outbound_email(email_id)
