from django.utils.translation import gettext_lazy as _

from partnership.catalogue_views import CatalogueViews
from successfactors import selectors
from successfactors.forms import ChecklistItemForm
from successfactors.models import ChecklistItem, Theme


def _list_context(user) -> dict:
    """Active items under their theme (a theme without items still shows), then the retired ones."""
    items = selectors.checklist_list_for(user)
    themes = [(label, [i for i in items if i.theme == value and not i.retired_on]) for value, label in Theme.choices]
    return {"themes": themes, "retired": [item for item in items if item.retired_on]}


# The coordinator's pages of the catalogue: successfactors:items, item_add, item_edit, item_move, item_retire.
items = CatalogueViews(
    namespace="successfactors",
    entry="item",
    model=ChecklistItem,
    form_class=ChecklistItemForm,
    entries_for=selectors.checklist_items_for,
    list_context=_list_context,
    new_title=_("New checklist item"),
    edit_title=_("Reword checklist item"),
    saved_message=_("Saved. Earlier contacts keep the item as it was ticked then."),
)
