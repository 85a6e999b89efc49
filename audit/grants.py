"""The database grants of the app's own role (docs/security.md, "Database roles").

The tables belong to the role that runs the migrations (the owner). The web app connects as another role that
may read and write the family data but may only add to the history and the access log: no UPDATE, DELETE or
TRUNCATE there, and, not being the owner, it cannot drop or disable the triggers that keep them append-only.
History and the access log leave only with an erased family file, through the function `privacy_erase_history`
that runs with the owner's rights and removes nothing else (privacy/erasure_sql.py, docs/privacy.md)."""

from django.apps import apps
from django.db import connection
from pghistory.models import Event

from audit.models import AccessEvent
from privacy.models import ErasureRecord


def append_only_tables() -> list[str]:
    """The history event tables, the access log and the records of erased files (privacy.ErasureRecord)."""
    tables = [model._meta.db_table for model in apps.get_models() if issubclass(model, Event)]
    return sorted([*tables, AccessEvent._meta.db_table, ErasureRecord._meta.db_table])


def app_role_grants(role: str) -> list[str]:
    quote = connection.ops.quote_name
    role_name = quote(role)
    statements = [
        f"GRANT CONNECT ON DATABASE {quote(connection.settings_dict['NAME'])} TO {role_name}",
        f"GRANT USAGE ON SCHEMA public TO {role_name}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role_name}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role_name}",
    ]
    statements += [
        f"REVOKE UPDATE, DELETE, TRUNCATE ON {quote(table)} FROM {role_name}" for table in append_only_tables()
    ]
    return statements
