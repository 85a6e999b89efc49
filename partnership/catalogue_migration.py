"""The data migrations that gave every organisation its own catalogue (intakes 0004, successfactors 0004).
They ran on historical models, so this code uses only what it is given; change it only in ways that keep those
migrations working on a new database."""


def give_every_organisation_its_catalogue(apps, *, model: str, uses: list[tuple[str, str, str]], reference) -> None:
    """Until now one catalogue served every organisation. The first organisation keeps its entries (ids and all,
    so nothing of it moves); every other organisation gets a copy of them as they are now (rewordings,
    retirements and additions included), and what its families used moves to its copy.

    model      "app.Model" of the catalogue, with a nullable `organisation` that is still empty
    uses       ("app.Model", field, path to the organisation) of every model that points at an entry, e.g.
               ("contacts.ChecklistTick", "item", "contact__family__organisation")
    reference  a callable that gives the reference entries' field values, for organisations without a catalogue
    """
    Organisation = apps.get_model("organisations", "Organisation")
    Entry = apps.get_model(model)
    shared = list(Entry.objects.filter(organisation__isnull=True).order_by("position", "pk"))
    organisations = list(Organisation.objects.order_by("pk"))
    if not organisations:
        # A new database: the reference set seeded before has no one to belong to; each new organisation
        # gets its own copy when it is created.
        Entry.objects.filter(organisation__isnull=True).delete()
        return
    if not shared:
        for organisation in organisations:
            if not Entry.objects.filter(organisation=organisation).exists():
                Entry.objects.bulk_create(Entry(organisation=organisation, **values) for values in reference())
        return
    first, *others = organisations
    copied = [f.attname for f in Entry._meta.concrete_fields if f.attname not in ("id", "organisation_id")]
    for organisation in others:
        for entry in shared:
            copy = Entry.objects.create(organisation=organisation, **{name: getattr(entry, name) for name in copied})
            for use, field, organisation_path in uses:
                apps.get_model(use).objects.filter(**{field: entry, organisation_path: organisation}).update(
                    **{field: copy}
                )
    Entry.objects.filter(pk__in=[entry.pk for entry in shared]).update(organisation=first)
