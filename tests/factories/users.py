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
    client = Client()
    client.force_login(user)
    return client
