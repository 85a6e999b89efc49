"""Hostile input never gives a server error (DESIGN.md section 4, issue 11 fault 7): hypothesis posts generated
data to every URL of POST_MATRIX, as every role.

The body starts from what a browser would send: the fields, values and choices of the real form, read from the
page that holds it, with the in-scope ids of tests/access_matrix.py, so that most posts get past the form and
reach the service. Then a few fields are dropped, replaced (huge or odd unicode text, numbers where text is
expected and text where numbers are, integers beyond bigint, impossible dates, other families' ids, stale
versions, a formset's TOTAL_FORMS of 1000) or posted several times, and fields the form does not have are added.

Every post must answer below 500; a role that may not use the URL, or a post to another family's ids, changes
nothing; and an answer that is not a redirect (the form again, with its message) changes nothing either.

Each example runs in a savepoint that is rolled back, so every post meets the same world. The number of examples
comes from FUZZ_EXAMPLES (spread evenly over the URLs); without it a short, derandomised run is part of the
suite. The long run (README.md):

    FUZZ_EXAMPLES=10000 .venv/bin/python -m pytest -n0 tests/test_fuzz_forms.py
"""

import math
import os
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.db import connection, transaction
from django.test import Client
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from tests.access_matrix import ANON, MATRIX, POST_MATRIX, ROLES
from tests.factories import PASSWORD
from tests.test_access_matrix import NOT_COMPARED_COLUMNS, database_fingerprint, project_views, sign_in, write_counts

LONG_RUN = "FUZZ_EXAMPLES" in os.environ
# The short run: a few examples for every URL, the same ones each time.
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES") or 3 * len(POST_MATRIX))
EXAMPLES_PER_URL = max(1, math.ceil(EXAMPLES / len(POST_MATRIX)))

# Tables whose job is to record a request (django-axes' login attempts, the access log of family files): a post
# that is refused may still write them.
# The kept health rows are computed and kept by any page that reads health (tests/test_access_matrix.py).
NOT_COMPARED = {"health_familyhealth"}
LOG_TABLE = re.compile(r"^(axes_|audit_accessevent$)")

# --- What is posted -------------------------------------------------------------------------------------------

HUGE = 100_000
HUGE_TEXT = ["x" * HUGE, "é" * HUGE, "👩‍👧" * (HUGE // 3), "a\x00" * (HUGE // 2), "9" * HUGE, "\u202e" * HUGE]
ODD_TEXT = [
    "",
    " ",
    "\x00",
    "Eva\x00",
    "\u202eevilx\u202c",
    "\u200f\u200e\u200b",
    "\ufeff",
    "\uffff\U0010ffff",
    "👩‍👩‍👧‍👦🏳️‍🌈",
    "e\u0301\u0302\u0303\u0304\u0305" * 20,
    "Z̴̡̪̫͖̥̔ͫ̃ͪ̿ͥ",
    "ﷺ" * 50,
    "İı ß ǅ",
    "\r\n\r\nX-Injected: 1",
    "\n" * 50,
    "\t",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "{{ 7|add:7 }}{% debug %}",
    "%00%0d%0a",
    "../../etc/passwd",
    "null",
    "None",
    "true",
    "[]",
    "{}",
    "=SUM(1+1)",
]
NUMBERS = [
    "0",
    "-0",
    "-1",
    "1",
    "32767",
    "32768",
    "2147483647",
    "2147483648",
    "-2147483649",
    "9223372036854775807",
    "9223372036854775808",
    "-9223372036854775809",
    "1" + "0" * 40,
    "1e309",
    "-1e309",
    "NaN",
    "inf",
    "1.5",
    " 42 ",
    "0x1F",
    "1_000",
    "٣",
    "１２",
]
DATES = [
    "0000-00-00",
    "99999-01-01",
    "0001-01-01",
    "9999-12-31",
    "2024-02-30",
    "2023-02-29",
    "1900-01-01",
    "31-12-2024",
    "2024/01/01",
    "+002024-01-01",
    "0001-01-01T00:00",
    "0001-01-01 00:00:00",
    "9999-12-31T23:59",
    "9999-12-31 23:59:59.999999",
    "2024-03-31T02:30",
    "2024-10-27T02:30",
    "1970-01-01T00:00:00Z",
    "2024-01-01T25:61",
]
MANAGEMENT = ["1000", "1001", "6", "-1", "0", "abc", "99999999999999999999", ""]
# Fields the forms do not have, or that only a forged form would send.
EXTRA_FIELDS = [
    "next",
    "id",
    "pk",
    "family",
    "organisation",
    "role",
    "is_superuser",
    "status",
    "owner",
    "author",
    "created_by",
    "current",
    "version",
    "lock_version",
    "caregiver",
    "user",
    "done",
    "page",
    "fu-TOTAL_FORMS",
    "fu-INITIAL_FORMS",
    "fu-MAX_NUM_FORMS",
    "fu-0-description",
    "fu-0-owner",
    "fu-0-due_on",
    "fu-999-description",
    "form-TOTAL_FORMS",
]
# Query parameters some pages read besides the form.
QUERY_FIELDS = ["next", "page", "contacts", "q", "location", "group", "mentor", "status", "signal", "archived"]

text = st.text(st.characters(codec="utf-8"), max_size=40)
integers = st.one_of(st.integers(), st.integers(min_value=-(2**80), max_value=2**80)).map(str)
dates = st.one_of(st.dates().map(lambda d: d.isoformat()), st.datetimes().map(lambda d: d.isoformat()))


MANAGEMENT_FIELDS = ("TOTAL_FORMS", "INITIAL_FORMS", "MIN_NUM_FORMS", "MAX_NUM_FORMS")


def field_kind(name: str, values: list[str], input_type: str = "") -> str:
    """What a field holds, judged by its name, its input type and the values the form gives it."""
    if input_type in ("date", "datetime-local"):
        return "date"
    if name.endswith(MANAGEMENT_FIELDS):
        return "management"
    if name.endswith("version"):
        return "version"
    if values and all(re.match(r"\d{4}-\d\d-\d\d", value) for value in values):
        return "date"
    if values and all(value.isdigit() for value in values):
        return "id"
    return "text"


def hostile_values(spec, name: str):
    """Anything a hand-made request could put in a field; half of the time something aimed at its kind: an
    impossible date in a date field, another family's id in a choice of ids, huge text in a text field."""
    aimed = {
        "management": [st.sampled_from(MANAGEMENT)],
        "version": [st.sampled_from(spec.stale_versions), st.sampled_from(NUMBERS)],
        "date": [st.sampled_from(DATES), dates],
        "id": [st.sampled_from(spec.forged_ids), st.sampled_from(NUMBERS)],
        "text": [st.sampled_from(HUGE_TEXT), st.sampled_from(ODD_TEXT), text],
    }[spec.kinds.get(name) or field_kind(name, [])]
    anything = [
        st.sampled_from(ODD_TEXT),
        st.sampled_from(NUMBERS),
        st.sampled_from(DATES),
        st.sampled_from(HUGE_TEXT),
        st.sampled_from(spec.forged_ids),
        text,
        integers,
        dates,
    ]
    return st.one_of(st.one_of(*aimed), st.one_of(*anything))


def valid_values(spec, name: str):
    """A value the form offers for this field (another option of a choice), or the one it had."""
    return st.sampled_from(spec.choices.get(name) or spec.body.get(name) or ["1"])


class Case:
    """One post. Not a dataclass: hypothesis would print every field in full, 100,000 characters and all."""

    def __init__(self, role: str, target: str, url: str, body: dict, query: dict):
        self.role, self.target, self.url, self.body, self.query = role, target, url, body, query

    def __repr__(self):
        def short(value):
            return value if len(value) <= 60 else f"{value[:20]!r}… ({len(value)} characters)"

        body = {name: [short(value) for value in values] for name, values in self.body.items()}
        query = {name: short(value) for name, value in self.query.items()}
        return f"POST {self.url} as {self.role} ({self.target}), query {query}, body {body}"


@st.composite
def post_cases(draw, spec):
    # Half of the posts come from someone who may use the URL: they get past the permission check.
    allowed = sorted(spec.may_post["in scope"]) or ROLES
    role = draw(st.one_of(st.sampled_from(allowed), st.sampled_from(ROLES)))
    target, url = draw(st.sampled_from(spec.targets))
    body = {name: list(values) for name, values in spec.body.items()}
    own = sorted(set(body) | set(spec.choices)) or EXTRA_FIELDS
    # Mostly the form's own fields; now and then one it does not have.
    names = st.one_of(st.sampled_from(own), st.sampled_from(own), st.sampled_from(own), st.sampled_from(EXTRA_FIELDS))
    for _ in range(draw(st.integers(0, 4))):
        name = draw(names)
        change = draw(st.sampled_from(["hostile", "valid", "drop", "several"]))
        if change == "hostile":
            body[name] = [draw(hostile_values(spec, name))]
        elif change == "valid":
            body[name] = [draw(valid_values(spec, name))]
        elif change == "drop":
            body.pop(name, None)
        else:  # a list where one value is expected
            values = st.one_of(valid_values(spec, name), hostile_values(spec, name))
            body[name] = draw(st.lists(values, min_size=2, max_size=4))
    query = draw(st.dictionaries(st.sampled_from(QUERY_FIELDS), st.one_of(hostile_values(spec, ""), text), max_size=2))
    return Case(role, target, url, body, query)


# --- The forms on the pages -----------------------------------------------------------------------------------


class FormReader(HTMLParser):
    """The POST forms of a page: by action, what a browser would send (`body`) and every value a choice offers
    (`choices`)."""

    def __init__(self, page_path: str):
        super().__init__(convert_charrefs=True)
        self.page_path = page_path
        self.forms = []
        self._form = self._select = self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            if (attrs.get("method") or "get").lower() == "post":
                action = urlsplit(attrs.get("action") or self.page_path).path
                self._form = {"action": action, "body": defaultdict(list), "choices": defaultdict(list), "types": {}}
                self.forms.append(self._form)
            return
        name = attrs.get("name")
        if self._form is None or (tag in ("input", "select", "textarea") and (not name or name.startswith("csrf"))):
            return
        body, choices = self._form["body"], self._form["choices"]
        if tag == "input":
            kind = (attrs.get("type") or "text").lower()
            self._form["types"][name] = kind
            value = attrs.get("value") or ("on" if kind in ("checkbox", "radio") else "")
            if kind in ("checkbox", "radio", "submit", "button"):
                choices[name].append(value)
                if "checked" in attrs:
                    body[name].append(value)
            elif kind not in ("file", "image", "reset"):
                body[name] = [value]
        elif tag == "select":
            self._select = (name, "multiple" in attrs)
            body.setdefault(name, [])
        elif tag == "option" and self._select:
            choices[self._select[0]].append(attrs.get("value") or "")
            if "selected" in attrs:
                body[self._select[0]].append(attrs.get("value") or "")
        elif tag == "textarea":
            self._textarea = name
            body[name] = [""]

    def handle_data(self, data):
        if self._form is not None and self._textarea:
            self._form["body"][self._textarea][0] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select" and self._select:
            name, multiple = self._select
            body, options = self._form["body"], self._form["choices"][name]
            if not body[name] and not multiple and options:
                body[name] = options[:1]  # a browser sends the first option of a single select
            self._select = None
        elif tag == "textarea":
            self._textarea = None


# A POST-only URL's form is on another page.
HOST_PAGES = {
    "accounts:logout": "families:mine",
    "set_language": "families:mine",
    "contacts:addendum": "contacts:detail",
    "contacts:follow_up_done": "contacts:detail",
    "contacts:referral_status": "contacts:detail",
    "agreements:propose": "agreements:detail",
    "portal:confirm": "portal:agreement",
    "portal:react": "portal:agreement",
    "threads:close": "threads:detail",
    "health:acknowledge": "health:family",
    "health:acknowledgement_withdraw": "health:family",
    "health:give_time": "health:family",
    "health:time_end": "health:family",
    "lifeevents:set_end": "lifeevents:list",
    "lifeevents:end": "lifeevents:list",
    "families:network_delete": "families:detail",
    "families:consent_withdraw": "families:detail",
    "portal:invite": "families:detail",
    "portal:revoke": "families:detail",
}
# Who opens a page to read its form: the first of these that may.
READERS = ["staff", "coordinator", "admin", "parent", ANON]


def read_form(clients, world, name: str, url: str) -> tuple[dict, dict, dict]:
    """The body, choices and input types of the form that posts to `url`, read from its page as someone who may
    open it."""
    page = HOST_PAGES.get(name, name)
    kwargs_for, expected = MATRIX[page]
    reader = next((role for role in READERS if expected[role] == 200), None)
    if reader is None:
        return {}, {}, {}
    page_url = url if page == name else reverse(page, kwargs=kwargs_for(world))
    response = clients[reader].get(page_url)
    if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
        return {}, {}, {}
    parser = FormReader(urlsplit(page_url).path)
    parser.feed(response.content.decode())
    body, choices, types = {}, defaultdict(list), {}
    for form in parser.forms:
        if form["action"] == urlsplit(url).path:
            body.update(form["body"])
            types.update(form["types"])
            for field_name, values in form["choices"].items():
                choices[field_name] += values
    for field_name, kind in types.items():
        if kind == "radio" and not body.get(field_name):
            body[field_name] = choices[field_name][:1]  # a required choice the user has yet to make
    return body, dict(choices), types


# --- Who may post where ---------------------------------------------------------------------------------------


def in_scope_kwargs(world, name: str) -> dict:
    """The URL's kwargs for the world's own family; the links behind a token are real ones."""
    parent = world.users["parent"]
    uid = urlsafe_base64_encode(force_bytes(parent.pk))
    if name == "portal:welcome":
        from portal.services import invitation_tokens

        return {"uidb64": uid, "token": invitation_tokens.make_token(parent)}
    if name == "accounts:password_reset_confirm":
        # Django keeps the token in the session and posts the form to this URL.
        return {"uidb64": uid, "token": "set-password"}
    return MATRIX[name][0](world)


def reset_link(world) -> str:
    parent = world.users["parent"]
    uid = urlsafe_base64_encode(force_bytes(parent.pk))
    return reverse("accounts:password_reset_confirm", args=[uid, default_token_generator.make_token(parent)])


def roles_that_may_post(name: str) -> frozenset:
    """The roles that may use the URL on the world's own family, by the GET matrix: a page (200), a POST-only
    URL (405), a redirect other than to the login page; a real link behind a token works for anyone."""
    if name in ("portal:welcome", "accounts:password_reset_confirm"):
        return frozenset(ROLES)
    view = project_views()[name]
    expected = MATRIX[name][1]
    return frozenset(
        role
        for role in ROLES
        if expected[role] in (200, 405)
        or (expected[role] == 302 and (role != ANON or not getattr(view, "login_required", True)))
    )


def huge_ids(kwargs: dict) -> dict:
    """The URL's ids beyond bigint; a link's user id too."""
    huge = {key: 2**70 if isinstance(value, int) else value for key, value in kwargs.items()}
    if "uidb64" in huge:
        huge["uidb64"] = urlsafe_base64_encode(force_bytes(2**70))
    return huge


@dataclass
class UrlSpec:
    name: str
    targets: list  # (what the ids point at, url)
    may_post: dict  # target -> roles that may change something there
    body: dict
    choices: dict
    forged_ids: list
    stale_versions: list = field(default_factory=list)
    kinds: dict = field(default_factory=dict)  # field name -> what it holds (field_kind)


def url_spec(world, clients, name: str) -> UrlSpec:
    kwargs_for, body_for, _expected = POST_MATRIX[name]
    own = in_scope_kwargs(world, name)
    url = reverse(name, kwargs=own)
    targets = [("in scope", url)] * 6  # mostly where the form validates
    may_post = {"in scope": roles_that_may_post(name)}
    if own:
        targets.append(("another organisation's family", reverse(name, kwargs=kwargs_for(world.foreign))))
        may_post["another organisation's family"] = frozenset()
    if huge_ids(own) != own:
        targets.append(("ids beyond bigint", reverse(name, kwargs=huge_ids(own))))
        may_post["ids beyond bigint"] = frozenset()
    body, choices, types = read_form(clients, world, name, url)
    body.update({key: value if isinstance(value, list) else [value] for key, value in body_for(world.own).items()})
    body = {key: [str(v) for v in values] for key, values in body.items()}
    for password_field in ("password", "old_password"):
        if password_field in body:
            choices[password_field] = [PASSWORD, *body[password_field]]
    versions = [world.agreement.lock_version, world.family.version, world.contact.version]
    return UrlSpec(
        name=name,
        targets=targets,
        may_post=may_post,
        body=body,
        choices=choices,
        forged_ids=forged_ids(world),
        stale_versions=sorted({str(v + d) for v in versions for d in (-1, 1)} | {"0", "-1"}),
        kinds={
            name: field_kind(name, body.get(name) or choices.get(name, []), types.get(name, ""))
            for name in {*body, *choices}
        },
    )


def forged_ids(world) -> list[str]:
    """Ids of objects the world's roles may not touch: another organisation's file, and the other family."""
    file = world.foreign
    objects = [
        file.family,
        file.group,
        file.staff,
        file.caregiver,
        file.child,
        file.placement,
        file.network_member,
        file.consent,
        file.intake,
        file.contact,
        file.follow_up,
        file.agreement,
        file.agreement.current,
        file.question,
        file.item,
        world.other_family,
        world.far_group,
        world.users["far_staff"],
        world.other_family.children.first(),
        world.other_family.caregivers.first(),
    ]
    return sorted({str(obj.pk) for obj in objects if obj is not None})


# --- The test -------------------------------------------------------------------------------------------------


def namespace(name: str) -> str:
    return name.split(":")[0] if ":" in name else "project"


# One world per app: a URL added to POST_MATRIX is fuzzed with its app's URLs.
NAMESPACES = sorted({namespace(name) for name in POST_MATRIX})


def fingerprint(tables: list[str]) -> dict:
    """As tests/test_access_matrix.database_fingerprint, for the tables a request wrote only: much quicker."""
    if not tables:
        return {}
    row = "(to_jsonb(t) - %s::text[])::text"
    query = " UNION ALL ".join(
        f"SELECT %s, count(*), md5(coalesce(string_agg({row}, ',' ORDER BY {row}), '')) FROM {quoted} t"  # noqa: S608
        for quoted in map(connection.ops.quote_name, tables)
    )
    with connection.cursor() as cursor:
        cursor.execute(query, [p for table in tables for p in (table, NOT_COMPARED_COLUMNS, NOT_COMPARED_COLUMNS)])
        return {table: (count, digest) for table, count, digest in cursor.fetchall()}


def answer(client, method: str, url: str, data=None):
    """The response, or the view's exception reported as the server error a user would get."""
    try:
        response = getattr(client, method)(url, data or {})
    except Exception as error:
        raise AssertionError(
            f"{method.upper()} {url[:200]}: 500 ({type(error).__name__}: {str(error)[:300]})"
        ) from error
    assert response.status_code < 500, f"{method.upper()} {url[:200]}: {response.status_code}"
    return response


def post(client, world, spec, case: Case):
    if spec.name == "accounts:password_reset_confirm" and case.target == "in scope":
        client.get(reset_link(world))  # opens the link: the token goes into the session
    url = f"{case.url}?{urlencode(case.query)}" if case.query else case.url
    return answer(client, "post", url, case.body)


# Where what was saved is read again (in the long run; the short run follows the redirect only): the staff
# home and the parent's portal, which compute from most of a family's file.
READ_BACK = [("staff", "families:mine"), ("parent", "portal:home")]


def read_back(clients, world, case: Case, response):
    """Saved data must not break a page later (issue 11 fault 7 had 500s after the write)."""
    pages = [(case.role, response["Location"])]
    if LONG_RUN:
        pages += [(role, reverse(name, kwargs=MATRIX[name][0](world))) for role, name in READ_BACK]
    for role, url in pages:
        if url.startswith("/"):
            answer(clients[role], "get", url)


def check(clients, world, spec: UrlSpec, baseline: dict, case: Case, answers: Counter):
    """One post in a savepoint that is rolled back afterwards: the next one meets the same world."""
    cookies = {role: SimpleCookie(client.cookies.output(header="", sep="\n")) for role, client in clients.items()}
    try:
        with transaction.atomic():
            writes = write_counts()
            try:
                response = post(clients[case.role], world, spec, case)
            except AssertionError:
                answers[500] += 1
                raise
            answers[response.status_code] += 1
            written = [
                table
                for table, count in write_counts().items()
                if count != writes.get(table, 0) and table not in NOT_COMPARED
            ]
            changed = [table for table, now in fingerprint(written).items() if now != baseline.get(table)]
            saved = [table for table in changed if not LOG_TABLE.search(table)]
            answers["changed the database"] += bool(saved)
            if case.role not in spec.may_post[case.target]:
                assert not changed, f"{case.role} may not post here, yet changed {changed}"
            if response.status_code not in (301, 302, 303):
                assert not saved, f"answered {response.status_code} (the form again), yet changed {saved}"
            elif saved:
                read_back(clients, world, case, response)
            transaction.set_rollback(True)
    finally:
        for role, client in clients.items():
            client.cookies = cookies[role]


def fuzzer(clients, world, spec: UrlSpec, baseline: dict, answers: Counter):
    @settings(
        max_examples=EXAMPLES_PER_URL,
        deadline=None,
        derandomize=not LONG_RUN,
        database=None,
        print_blob=False,
        suppress_health_check=list(HealthCheck),
        # Not the explain phase: it traces every line of the app to say which ones only failing posts ran; slow.
        phases=[Phase.explicit, Phase.generate, Phase.shrink],
    )
    @given(case=post_cases(spec))
    def fuzz(case):
        check(clients, world, spec, baseline, case, answers)

    return fuzz


def reports(error: BaseException) -> list[str]:
    """What hypothesis found: each distinct failure with the post that shows it."""
    if isinstance(error, BaseExceptionGroup):
        return [report for inner in error.exceptions for report in reports(inner)]
    notes = "\n".join(getattr(error, "__notes__", []))
    return [f"{str(error).splitlines()[0] if str(error) else type(error).__name__}\n{notes}"]


@pytest.mark.parametrize("app", NAMESPACES)
def test_hostile_posts_never_give_a_server_error_and_change_nothing_they_may_not(app, world, foreign, capsys):
    answers = Counter()
    clients = {role: sign_in(Client(), world, role) for role in ROLES}
    names = sorted(name for name in POST_MATRIX if namespace(name) == app)
    specs = [url_spec(world, clients, name) for name in names]
    baseline = database_fingerprint()
    failures = []
    for spec in specs:
        try:
            fuzzer(clients, world, spec, baseline, answers)()
        except Exception as error:  # every URL is fuzzed, and all failures are reported together
            failures += [f"{spec.name}: {report}" for report in reports(error)]
    if LONG_RUN:
        with capsys.disabled():
            saved = answers.pop("changed the database", 0)
            statuses = dict(sorted(answers.items()))
            print(f"\n{app}: {answers.total()} posts to {len(specs)} URLs, {saved} changed data; answers {statuses}")
    if failures:
        pytest.fail(f"{len(failures)} of {len(specs)} URLs failed:\n\n" + "\n\n".join(failures))
