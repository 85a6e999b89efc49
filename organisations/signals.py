"""A new organisation starts with its own catalogues (intake questions, checklist items), copied from the
reference sets, however it is created: in the admin, by the demo seed or by a test factory."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from organisations.models import Organisation
from partnership.catalogue import catalogue_seed


@receiver(post_save, sender=Organisation, dispatch_uid="organisation_gets_its_catalogues")
def organisation_gets_its_catalogues(sender, instance, created, raw, **kwargs):
    # A fixture (raw) brings its own catalogue rows; seeding then would give the organisation two.
    if created and not raw:
        catalogue_seed(organisation=instance)
