from django.urls import path

from privacy import views

app_name = "privacy"

urlpatterns = [
    path("families/<int:pk>/export/", views.export_page, name="export"),
    path("families/<int:pk>/export.json", views.export_json, name="export_json"),
    path("families/<int:pk>/erase/", views.erase, name="erase"),
    path("erasures/", views.erasures, name="erasures"),
]
