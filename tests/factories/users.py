from django.contrib.auth import get_user_model

import factory


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.com")
    first_name = "Sam"
    last_name = "Jones"
    password = factory.django.Password("correct-horse-battery")

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)


def signed_in_member_of(group_name, username):
    """A test client signed in as a new member of the existing group `group_name`."""
    from django.contrib.auth.models import Group
    from django.test import Client

    user = UserFactory(username=username)
    user.groups.add(Group.objects.get(name=group_name))
    return sign_in_verified(Client(), user)


def verified_device(user):
    """A real TOTP device (django-otp) for `user`, confirmed as after setting up their app."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return device or TOTPDevice.objects.create(user=user, name="Test app", confirmed=True)


def totp_code(device):
    """The code the member of staff's app would accept now: one not used yet (django-otp refuses
    a code twice), so a test may sign the same person in twice within 30 seconds."""
    import time

    from django_otp.oath import TOTP

    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    step = max(totp.t(), device.last_t + 1)
    totp.time = device.t0 + step * device.step
    return f"{totp.token():0{device.digits}d}"


def sign_in_verified(client, user):
    """Sign `client` in as `user` with their second factor given, as after entering a code: a
    real confirmed device, recorded in the session the way django_otp.login records it."""
    from django_otp import DEVICE_ID_SESSION_KEY

    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = verified_device(user).persistent_id
    session.save()
    return client
