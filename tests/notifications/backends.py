"""E-mail backends for the outbox tests: a mail server that is down, and one that is slow."""

import smtplib
import time

from django.core.mail.backends.locmem import EmailBackend


class DownBackend(EmailBackend):
    def send_messages(self, messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


class SlowBackend(EmailBackend):
    def send_messages(self, messages):
        time.sleep(0.05)
        return super().send_messages(messages)
