from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.views.account import PasswordResetView
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from home import views as home_views
from home.sitemap import CouncilSitemap
from search import views as search_views
from townhall.too_many import limit_posts

# Wagtail's own public forms, counted per client like ours (same paths, found before Wagtail's):
# the password of a password-protected page can be guessed, and each reset request sends an email.
page_password = limit_posts("pages.password", 10, 15 * 60)(wagtail_views.authenticate_with_password)
password_reset = limit_posts(
    "admin.password-reset", 5, 60 * 60, template="staff/too_many_attempts.html"
)(PasswordResetView.as_view())

urlpatterns = [
    path("healthz", home_views.healthz, name="healthz"),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": CouncilSitemap}}, name="sitemap"),
    path("admin/two-factor/", include("townhall.two_factor.urls")),
    path("admin/password_reset/", password_reset, name="wagtailadmin_password_reset"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("cookies/hide/", home_views.hide_cookie_message, name="hide_cookie_message"),
    path("alerts/", include("home.alerts.urls")),
    path("feedback/", include("services.feedback.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Resident-facing pages: English at /, every other language under its prefix (/cy/ for Welsh).
urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("cookies/", home_views.cookies, name="cookies"),
    path("check-progress/", include("forms_app.cases.resident_urls")),
    path("cancel-direct-debit/", include("forms_app.direct_debit.bacs.resident_urls")),
    path("appointments/", include("forms_app.bookings.urls")),
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        page_password,
    ),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
