from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.i18n import set_language

from partnership import views

handler500 = "partnership.views.server_error"

admin.site.site_header = "Ouderpartnerschap"
admin.site.site_title = "Ouderpartnerschap"

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    # Choosing a language must work before signing in (the login page offers it).
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path("accounts/", include("accounts.urls")),
    path("families/", include("families.urls")),
    path("organisation/", include("organisations.urls")),
    path("", include("intakes.urls")),
    path("", include("contacts.urls")),
    path("", include("agreements.urls")),
    path("", include("health.urls")),
    path("", include("audit.urls")),
    path("", include("notifications.urls")),
    path("", include("privacy.urls")),
    path("checklist/", include("successfactors.urls")),
    path("", include("threads.urls")),
    path("portal/", include("portal.urls")),
    path("reports/", include("reports.urls")),
    path("organisation/import/", include("imports.urls")),
    path("", include("safeguarding.urls")),
    path("", include("reflection.urls")),
    path("", include("moments.urls")),
    path("", include("childpages.urls")),
    path("", include("lifeevents.urls")),
    path("admin/", admin.site.urls),
]
