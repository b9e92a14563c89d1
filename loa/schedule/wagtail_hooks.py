from wagtail import hooks

from .viewsets import ScheduleViewSetGroup


@hooks.register("register_admin_viewset")
def register_schedule_menu():
    return ScheduleViewSetGroup()
