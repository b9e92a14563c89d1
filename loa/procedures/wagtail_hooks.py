from wagtail import hooks

from .viewsets import ProcedureViewSet


@hooks.register("register_admin_viewset")
def register_procedures_menu():
    return ProcedureViewSet()
