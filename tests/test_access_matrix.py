"""Walks every URL pattern of the project and checks the answer for every role (DESIGN.md section 4): a GET to
every URL, and a POST with the ids of a family out of scope to every URL whose view accepts POST.

The world is built once per URL and the roles are checked one after the other in it; a failing test lists
every role that answered wrong."""

import functools
import inspect
from http.cookies import SimpleCookie

import pytest
from django.db import connection
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.access_matrix import ADMIN, ADMIN_NAMESPACE, ANON, MATRIX, OTHER_PARENT, OTHER_STAFF, POST_MATRIX, ROLES


def url_views(patterns=None, namespace=""):
    """(name, view) of every URL pattern."""
    patterns = get_resolver().url_patterns if patterns is None else patterns
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from url_views(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}{pattern.name}" if pattern.name else f"{namespace}<unnamed {pattern.pattern}>"
            yield name, pattern.callback


def project_views() -> dict:
    return {name: view for name, view in url_views() if not name.startswith(f"{ADMIN_NAMESPACE}:")}


def project_patterns():
    return sorted(project_views())


def accepted_methods(view) -> set[str] | None:
    """The HTTP methods a view answers, or None when it does not restrict them (so it accepts POST too).

    A class-based view answers the methods its class has a handler for. A function view restricts them with
    Django's require_http_methods (or require_GET, require_POST, require_safe): its wrapper keeps the list in
    its closure as `request_method_list`. The other decorators (staff_required, never_cache, ...) use
    functools.wraps, so `__wrapped__` leads through them to that wrapper."""
    view_class = getattr(view, "view_class", None)
    if view_class is not None:
        return {method.upper() for method in view_class.http_method_names if hasattr(view_class, method)}
    while view is not None:
        methods = inspect.getclosurevars(view).nonlocals.get("request_method_list")
        if methods is not None:
            return set(methods)
        view = getattr(view, "__wrapped__", None)
    return None


def accepts_post(view) -> bool:
    methods = accepted_methods(view)
    return methods is None or "POST" in methods


# Tables a request may change without changing anything: the session, pghistory's request context (only
# ever written together with a history event, which is in a table that is compared), and the login log and
# failed-login counts of django-axes (every sign-in and every refused login is recorded there by design), and the
# kept health rows (health.store), which a page reading health computes and keeps: what they are computed from
# is compared.
NOT_COMPARED = {
    "health_familyhealth",
    "django_session",
    "pghistory_context",
    "axes_accessattempt",
    "axes_accessfailurelog",
    "axes_accesslog",
}
# Columns every sign-in writes, the test's own included.
NOT_COMPARED_COLUMNS = ["last_login"]


@functools.cache
def fingerprint_query() -> tuple[str, list[str]]:
    """One query for every table (the names come from the database itself, quoted)."""
    tables = sorted(set(connection.introspection.table_names()) - NOT_COMPARED)
    row = "(to_jsonb(t) - %s::text[])::text"
    query = " UNION ALL ".join(
        f"SELECT %s, count(*), md5(coalesce(string_agg({row}, ',' ORDER BY {row}), '')) FROM {quoted} t"  # noqa: S608
        for quoted in map(connection.ops.quote_name, tables)
    )
    params = [param for table in tables for param in (table, NOT_COMPARED_COLUMNS, NOT_COMPARED_COLUMNS)]
    return query, params


def database_fingerprint() -> dict[str, tuple[int, str]]:
    """Every table's row count and a digest of all its rows."""
    query, params = fingerprint_query()
    with connection.cursor() as cursor:
        cursor.execute(query, params)
        return {table: (count, digest) for table, count, digest in cursor.fetchall()}


def changed_tables(before: dict, after: dict) -> list[str]:
    return sorted(table for table in before.keys() | after.keys() if before.get(table) != after.get(table))


def write_counts() -> dict[str, int]:
    """Rows inserted, updated or deleted per table so far in this test's transaction (PostgreSQL's own count)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relname, n_tup_ins + n_tup_upd + n_tup_del FROM pg_stat_xact_user_tables WHERE relname <> ALL(%s)",
            [sorted(NOT_COMPARED)],
        )
        return dict(cursor.fetchall())


class DatabaseWatch:
    """Which tables a request changed: the fingerprints before and after. A fingerprint costs a few
    milliseconds, so it is only taken again when PostgreSQL counted a write since the last one."""

    def __init__(self):
        self.fingerprint = database_fingerprint()
        self.writes = write_counts()
        assert any(self.writes.values()), "PostgreSQL counts no writes (track_counts off?): the watch would be blind"

    def forget_writes(self):
        """For writes that cannot change the fingerprint, such as a sign-in's session and last login."""
        self.writes = write_counts()

    def changed_tables(self) -> list[str]:
        writes = write_counts()
        if writes == self.writes:
            return []
        self.writes = writes
        before, self.fingerprint = self.fingerprint, database_fingerprint()
        return changed_tables(before, self.fingerprint)


def wrong_answer(client, method, url, role, expected, *, data=None, view=None) -> str | None:
    """What is wrong with the answer to one request, or None. An exception in the view is reported as the 500
    a user would get, so that the other roles are still checked."""
    try:
        response = getattr(client, method)(url, data or {})
    except Exception as error:
        return f"500 ({type(error).__name__}: {error}), expected {expected}"
    if response.status_code != expected:
        return f"{response.status_code}, expected {expected}"
    to_login = role == ANON and expected == 302 and getattr(view, "login_required", True)
    if to_login and not response["Location"].startswith(reverse("accounts:login")):
        return f"redirected to {response['Location']}, not to the login page"
    return None


def sign_in(client, world, role):
    """The client, signed in as the role: an empty cookie jar is quicker than signing the last one out."""
    client.cookies = SimpleCookie()
    if role != ANON:
        client.force_login(world.users[role])
    return client


def test_every_url_is_classified():
    unclassified = [name for name in project_patterns() if name not in MATRIX]
    assert not unclassified, f"Add these URLs to tests/access_matrix.py: {unclassified}"


def test_matrix_has_no_stale_entries():
    assert not set(MATRIX) - set(project_patterns())


@pytest.mark.parametrize("name", sorted(MATRIX))
def test_url_answers_every_role_as_classified(name, world, client):
    kwargs, expected = MATRIX[name]
    url = reverse(name, kwargs=kwargs(world))
    view = project_views()[name]
    wrong = {}
    for role in ROLES:
        problem = wrong_answer(sign_in(client, world, role), "get", url, role, expected[role], view=view)
        if problem:
            wrong[role] = problem
    if wrong:
        pytest.fail(f"GET {url} ({name}): " + "; ".join(f"as {role}: {problem}" for role, problem in wrong.items()))


# --- POST ------------------------------------------------------------------------------------------------------


def test_every_url_that_accepts_post_is_in_the_post_matrix():
    missing = sorted(name for name, view in project_views().items() if accepts_post(view) and name not in POST_MATRIX)
    assert not missing, f"These URLs accept POST; add them to POST_MATRIX in tests/access_matrix.py: {missing}"


def test_post_matrix_has_only_urls_that_accept_post():
    views = project_views()
    assert not [name for name in POST_MATRIX if name not in views or not accepts_post(views[name])]


def test_the_post_only_urls_of_the_get_matrix_are_found_as_post_only():
    """The method detection agrees with the GET matrix: a URL that answers GET with 405 accepts POST, not GET."""
    views = project_views()
    post_only = [name for name, (kwargs, expected) in MATRIX.items() if 405 in expected.values()]
    assert post_only, "the GET matrix has POST-only URLs"
    found = {name: accepted_methods(views[name]) or set() for name in post_only}
    assert not {name: methods for name, methods in found.items() if "GET" in methods or "POST" not in methods}


def test_a_url_outside_the_post_matrix_refuses_post(world, client):
    """The other way round, by asking: every URL the detection leaves out answers POST with 405."""
    sign_in(client, world, ADMIN)
    wrong = {}
    for name in sorted(set(MATRIX) - set(POST_MATRIX)):
        kwargs = MATRIX[name][0]
        problem = wrong_answer(client, "post", reverse(name, kwargs=kwargs(world)), ADMIN, 405)
        if problem:
            wrong[name] = problem
    assert not wrong, f"POST as admin: {wrong}"


def test_the_database_watch_sees_a_change_but_not_a_sign_in(world, client):
    watch = DatabaseWatch()
    sign_in(client, world, ADMIN)
    assert watch.changed_tables() == []
    world.network_member.name = "Buurvrouw"
    world.network_member.save()
    assert watch.changed_tables() == ["families_networkmember", "families_networkmemberevent"]
    assert watch.changed_tables() == []


def post_targets(world, kwargs_for, expected):
    """The POSTs of one row: (what is posted to, URL kwargs, the family file the body comes from, roles).
    Beyond the first, only for the roles that may use the URL (expected 404): for the others the ids do not
    matter."""
    kwargs = kwargs_for(world.foreign)
    yield "another organisation's family", kwargs, world.foreign, ROLES
    in_scope_roles = [role for role in ROLES if expected[role] == 404]
    if "pk" in kwargs and any(key.endswith("_pk") for key in kwargs):
        mixed = {**kwargs, "pk": world.family.pk}
        yield "the world's family with another organisation's object in it", mixed, world.foreign, in_scope_roles
    neighbours = [role for role in (OTHER_STAFF, OTHER_PARENT) if role in in_scope_roles]
    if neighbours:
        yield "a family of their own organisation that is not theirs", kwargs_for(world.own), world.own, neighbours


@pytest.mark.parametrize("name", sorted(POST_MATRIX))
def test_post_out_of_scope_is_refused_and_changes_nothing(name, world, foreign, client):
    kwargs_for, body_for, expected = POST_MATRIX[name]
    view = project_views()[name]
    targets = [
        (target, reverse(name, kwargs=kwargs), body_for(file), roles)
        for target, kwargs, file, roles in post_targets(world, kwargs_for, expected)
    ]
    wrong = []
    watch = DatabaseWatch()
    for role in ROLES:
        sign_in(client, world, role)
        watch.forget_writes()
        for target, url, body, roles in targets:
            if role not in roles:
                continue
            problems = [wrong_answer(client, "post", url, role, expected[role], data=body, view=view)]
            if changed := watch.changed_tables():
                problems.append(f"changed {', '.join(changed)}")
            if any(problems):
                wrong.append(f"as {role}, {target} ({url}): {'; '.join(p for p in problems if p)}")
    if wrong:
        pytest.fail(f"POST {name}:\n" + "\n".join(wrong))


# --- Django's admin --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "role, expected",
    [("anonymous", 302), ("parent", 302), ("staff", 302), ("coordinator", 302), ("admin", 302), ("support", 200)],
)
def test_django_admin_is_for_technical_support_only(role, expected, world, client_for):
    response = client_for(role).get(reverse("admin:families_family_changelist"))
    assert response.status_code == expected


@pytest.mark.parametrize(
    "url_name",
    ["admin:families_family_change", "admin:intakes_intake_change", "admin:intakes_intakequestion_change"],
)
def test_admin_pages_of_the_family_file_open_for_technical_support(url_name, world, client_for):
    obj = {"admin:families_family_change": world.family, "admin:intakes_intake_change": world.intake}.get(
        url_name, world.question
    )
    response = client_for("support").get(reverse(url_name, args=[obj.pk]))
    assert response.status_code == 200
