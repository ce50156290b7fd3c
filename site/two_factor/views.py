"""Setting up an authenticator app, and entering its code after signing in (no JavaScript needed).

The QR code is an SVG drawn on the server (segno), with the secret beside it as text for apps
that cannot scan; the app is only kept once the member of staff has typed a code it made.
"""

from base64 import b32encode
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_totp.models import TOTPDevice

from townhall.ratelimit import client_address
from townhall.redirects import local_path

from .forms import CodeForm
from .notices import tell_of_new_authenticator
from .policy import has_device

signed_in = login_required(login_url=reverse_lazy("wagtailadmin_login"))


def _next(request):
    return local_path(
        request.POST.get("next") or request.GET.get("next"), reverse("wagtailadmin_home")
    )


def _go_to(step, request):
    return redirect(f"{reverse(step)}?{urlencode({'next': _next(request)})}")


def _grouped(secret):
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def _qr_code(device):
    # Imported here: only staff setting up two-factor see a QR code (docs/scaling.md, "Memory").
    import segno

    qr = segno.make(device.config_url, error="m")
    svg = qr.svg_inline(
        scale=5, dark="#0b0c0c", light="#ffffff", title=_("QR code for your authenticator app")
    )
    return mark_safe(svg)  # noqa: S308 - segno's own SVG of our own URL


@never_cache
@signed_in
def set_up(request):
    if has_device(request.user):
        return _go_to("two_factor:verify", request)
    # The same secret until it is confirmed, so reloading the page keeps the scanned code valid.
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(
            user=request.user, name=_("Authenticator app"), confirmed=False
        )
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            transaction.on_commit(
                lambda: tell_of_new_authenticator.enqueue(
                    user_id=request.user.pk,
                    set_up_at=timezone.now().isoformat(),
                    address=client_address(request),
                )
            )
            return redirect(_next(request))
        form.add_error("code", _("That code is not right. Enter the code your app shows now"))
    secret = b32encode(device.bin_key).decode("ascii").rstrip("=")
    context = {
        "form": form,
        "next": _next(request),
        "qr_code": _qr_code(device),
        "secret": _grouped(secret),
    }
    return render(request, "two_factor/set_up.html", context, status=400 if form.errors else 200)


@never_cache
@signed_in
def verify(request):
    if not has_device(request.user):
        return _go_to("two_factor:set_up", request)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            return redirect(_next(request))
        form.add_error(
            "code",
            _(
                "That code is not right. Enter the code your app shows now. After several wrong "
                "codes you need to wait a little before trying again"
            ),
        )
    context = {"form": form, "next": _next(request)}
    return render(request, "two_factor/verify.html", context, status=400 if form.errors else 200)
