"""Vietnamese name order for the people of the newsroom.

A Vietnamese full name is family name, middle name, given name ("Nguyễn Minh
Thu"); Django's User.get_full_name() puts the given name first ("Thu Nguyễn
Minh"), and Wagtail shows it on every dashboard, history and workflow screen.
Swapping in a custom user model on an existing site is a data migration of
auth itself, so the method is replaced instead (User.add_to_class), once, at
start-up.
"""

from __future__ import annotations


def vietnamese_full_name(user) -> str:
    """'Họ' (last_name, which holds family and middle names) then 'Tên' (first_name)."""
    return " ".join(part for part in (user.last_name.strip(), user.first_name.strip()) if part)


def install() -> None:
    from django.contrib.auth import get_user_model

    User = get_user_model()
    if User.get_full_name is not vietnamese_full_name and hasattr(User, "last_name"):
        User.add_to_class("get_full_name", vietnamese_full_name)
