"""E-mail in the reader's language: the subject and text rendered with the recipient's language active, and the
same text as HTML with the language's direction (right to left for Arabic), so a mail program lines it up."""

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation


def mail_in_language(*, to: str, language: str, subject_template: str, text_template: str, context: dict):
    with translation.override(language):
        subject = render_to_string(subject_template, context).strip()
        text = render_to_string(text_template, context)
        html = render_to_string(
            "partials/email.html",
            {"subject": subject, "text": text, "bidi": translation.get_language_bidi(), "language": language},
        )
    message = EmailMultiAlternatives(subject=subject, body=text, to=[to])
    message.attach_alternative(html, "text/html")
    return message
