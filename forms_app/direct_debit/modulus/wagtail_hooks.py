from wagtail import hooks

from .viewsets import ModulusReleaseViewSet


@hooks.register("register_admin_viewset")
def register_modulus_release_viewset():
    return ModulusReleaseViewSet("modulus_releases")
