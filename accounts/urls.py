from django.contrib.auth import views as auth_views
from django.urls import path

from accounts import invitation_views, lockout_views, session_views, two_factor_views, views

app_name = "accounts"

urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password/change/", views.PasswordChangeView.as_view(), name="password_change"),
    path(
        "password/change/done/",
        auth_views.PasswordChangeDoneView.as_view(template_name="accounts/password_change_done.html"),
        name="password_change_done",
    ),
    path("password/reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="password_reset_done",
    ),
    path("password/reset/<uidb64>/<token>/", views.PasswordResetConfirmView.as_view(), name="password_reset_confirm"),
    path(
        "password/reset/complete/",
        auth_views.PasswordResetCompleteView.as_view(template_name="accounts/password_reset_complete.html"),
        name="password_reset_complete",
    ),
    path("me/", views.account, name="account"),
    path("me/email/", views.email_change, name="email_change"),
    path("me/confirm/", views.confirm_password, name="confirm_password"),
    path("me/pin/", session_views.pin, name="pin"),
    path("two-step/", two_factor_views.setup, name="two_factor_setup"),
    path("two-step/verify/", two_factor_views.verify, name="two_factor_verify"),
    path("two-step/codes/", two_factor_views.recovery_codes, name="recovery_codes"),
    path("two-step/codes/new/", two_factor_views.recovery_codes_new, name="recovery_codes_new"),
    path("two-step/off/", two_factor_views.turn_off, name="two_factor_off"),
    path("unlock/", session_views.unlock, name="unlock"),
    path("lockouts/", lockout_views.lockouts, name="lockouts"),
    path("lockouts/<int:user_pk>/lift/", lockout_views.lockout_lift, name="lockout_lift"),
    path("login-log/", lockout_views.login_log, name="login_log"),
    path("welcome/<uidb64>/<token>/", invitation_views.staff_welcome, name="staff_welcome"),
]
