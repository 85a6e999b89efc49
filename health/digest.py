"""The daily e-mail digest of reminders. E-mail leaves our hands, so it carries first names only: no family
names, no agreement titles, no notes; the link leads to the app, where the details are behind a login."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from accounts.models import Role, User
from health.models import ReminderDigest
from health.reminders import reminders_for


def send_digests(*, today=None) -> tuple[int, int]:
    today = today or timezone.localdate()
    sent = skipped = 0
    staff = User.objects.filter(is_active=True, role__in=[Role.STAFF, Role.COORDINATOR]).exclude(email="")
    for user in staff.order_by("pk"):
        if ReminderDigest.objects.filter(user=user, day=today).exists():
            skipped += 1
            continue
        with translation.override(settings.LANGUAGE_CODE):
            items = reminders_for(user, today=today)
            if not items:
                skipped += 1
                continue
            context = {"user": user, "items": items, "url": settings.SITE_URL.rstrip("/") + "/reminders/"}
            subject = render_to_string("health/email/digest_subject.txt", context).strip()
            body = render_to_string("health/email/digest.txt", context)
        try:
            # The row is the guard: two runs at once cannot both send, and a rerun sends nothing.
            with transaction.atomic():
                ReminderDigest.objects.create(user=user, day=today, items=len(items))
                send_mail(subject=subject, message=body, from_email=None, recipient_list=[user.email])
        except IntegrityError:
            skipped += 1
            continue
        sent += 1
    return sent, skipped
