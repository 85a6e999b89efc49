from django.urls import path

from portal import access_views, views

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("agreements/<int:agreement_pk>/", views.agreement, name="agreement"),
    path("agreements/<int:agreement_pk>/agree/", views.confirm, name="confirm"),
    path("agreements/<int:agreement_pk>/react/", views.react, name="react"),
    path("how-it-goes/", views.feedback, name="feedback"),
    path("ask-for-a-conversation/", views.ask, name="ask"),
    path("language/", views.language, name="language"),
    path("how-it-works-here/", views.how_it_works, name="how_it_works"),
    path("welcome/<uidb64>/<token>/", access_views.welcome, name="welcome"),
    path("access/<int:pk>/<int:caregiver_pk>/invite/", access_views.invite, name="invite"),
    path("access/<int:pk>/<int:caregiver_pk>/revoke/", access_views.revoke, name="revoke"),
]
