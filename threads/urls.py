from django.urls import path

from threads import portal_views, views

app_name = "threads"

urlpatterns = [
    # Staff.
    path("messages/", views.inbox, name="inbox"),
    path("families/<int:pk>/threads/", views.family, name="family"),
    path("families/<int:pk>/threads/<int:thread_pk>/", views.detail, name="detail"),
    path("families/<int:pk>/threads/<int:thread_pk>/close/", views.close, name="close"),
    # Parents.
    path("portal/messages/", portal_views.inbox, name="portal_list"),
    path("portal/messages/new/", portal_views.new, name="portal_new"),
    path("portal/messages/<int:thread_pk>/", portal_views.detail, name="portal_detail"),
    path("portal/summaries/<int:contact_pk>/react/", portal_views.summary, name="portal_summary"),
]
