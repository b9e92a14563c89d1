from wagtail import hooks

from .viewsets import RoyaltiesViewSetGroup


@hooks.register("register_admin_viewset")
def register_royalties_menu():
    return RoyaltiesViewSetGroup()
