from django.contrib import admin

from partnership.admin import MetadataAdmin, MetadataInline
from threads.models import Message, Thread

# Metadata only (partnership/admin.py): that a parent wrote and when, who answered and the state; never the
# words of a message or the reason a thread was closed.


class MessageInline(MetadataInline):
    model = Message
    fields = ["id", "author", "from_parent", "created_at"]


@admin.register(Thread)
class ThreadAdmin(MetadataAdmin):
    list_display = ["id", "family", "topic", "state", "waiting_since", "last_message_at"]
    list_select_related = ["family"]
    list_filter = ["topic", "state"]
    search_fields = ["family__name"]
    fields = [
        "family",
        "caregiver",
        "topic",
        "agreement",
        "contact",
        "feedback",
        "child",
        "preferred_place",
        "interpreter_wanted",
        "state",
        "waiting_since",
        "last_message_at",
        "closed_by",
        "closed_at",
        "created_at",
    ]
    inlines = [MessageInline]


@admin.register(Message)
class MessageAdmin(MetadataAdmin):
    list_display = fields = ["id", "thread", "author", "from_parent", "created_at"]
    list_select_related = ["thread", "author"]
