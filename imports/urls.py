from django.urls import path

from imports import views

app_name = "imports"

urlpatterns = [
    path("", views.index, name="index"),
    path("<int:run_pk>/", views.run_detail, name="run"),
    path("<int:run_pk>/columns/", views.run_columns, name="columns"),
    path("<int:run_pk>/start/", views.run_start, name="start"),
    path("<int:run_pk>/status/", views.run_status, name="status"),
    path("<int:run_pk>/cancel/", views.run_cancel, name="cancel"),
    path("mappings/<int:mapping_pk>/remove/", views.mapping_delete, name="mapping_delete"),
]
