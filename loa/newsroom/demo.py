"""Demo newsroom: one account per role and articles waiting at each step of the workflow.

So that someone trying Loa with `make run` can log in as a reporter, an editor
or a leader and see the approval path work, not only as the administrator.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Page, TaskState

from . import roles

SECTION_TITLE = "Kinh tế"


@dataclass(frozen=True)
class DemoAccount:
    username: str
    first_name: str
    last_name: str
    role: str
    section_team: bool


ACCOUNTS = (
    DemoAccount("phongvien", "Thu", "Nguyễn Minh", roles.REPORTER, True),
    DemoAccount("bientap", "Hà", "Trần Thu", roles.EDITOR, True),
    DemoAccount("lanhdao", "Dũng", "Lê Văn", roles.APPROVER, False),
    DemoAccount("quantri", "Sơn", "Phạm Hồng", roles.ADMINISTRATOR, False),
)


def create_demo_accounts() -> list[tuple[str, str, str]]:
    """Create the accounts that do not exist yet: (username, password, role) of the new ones."""
    User = get_user_model()
    created = []
    for account in ACCOUNTS:
        if User.objects.filter(username=account.username).exists():
            continue
        password = secrets.token_urlsafe(9)
        user = User.objects.create_user(
            account.username,
            f"{account.username}@example.invalid",
            password,
            first_name=account.first_name,
            last_name=account.last_name,
        )
        names = [account.role]
        if account.section_team:
            names.append(roles.section_group_name(account.role, SECTION_TITLE))
        user.groups.set(Group.objects.filter(name__in=names))
        created.append((account.username, password, account.role))
    return created


# Drafts written for the demo (ours, not from any newspaper).
DRAFTS = (
    (
        "Hợp tác xã rau an toàn mở rộng vùng trồng ven sông",
        "Sau hai vụ thử nghiệm, hợp tác xã đăng ký thêm 12 ha trồng rau theo quy trình VietGAP, "
        "có mã truy xuất nguồn gốc cho từng lô hàng.",
    ),
    (
        "Chợ phiên nông sản cuối tuần thu hút người dân",
        "Chợ phiên đầu tiên tại quảng trường trung tâm có 40 gian hàng của các hợp tác xã và hộ sản xuất "
        "trong thành phố; người mua được thanh toán bằng mã QR.",
    ),
)


def put_articles_in_the_workflow() -> None:
    """Two reporter's drafts on the desks: one waits for the section editor, one for the leader."""
    from loa.news.models import ArticlePage, SectionPage

    User = get_user_model()
    reporter = User.objects.filter(username="phongvien").first()
    editor = User.objects.filter(username="bientap").first()
    section = SectionPage.objects.filter(title=SECTION_TITLE).first()
    workflow = Page.get_first_root_node().get_workflow()
    if reporter is None or editor is None or section is None or workflow is None:
        return
    for index, (title, sapo) in enumerate(DRAFTS):
        if ArticlePage.objects.filter(title=title).exists():
            continue
        # No photo yet: the reporter's draft waits for one from the photo desk.
        article = ArticlePage(title=title, sapo=sapo, owner=reporter, live=False)
        section.add_child(instance=article)
        article.save_revision(user=reporter, log_action=True)
        workflow.start(article, reporter)
        if index == 1:
            waiting = TaskState.objects.filter(status=TaskState.STATUS_IN_PROGRESS)
            waiting.get(workflow_state__object_id=str(article.pk)).approve(user=editor)
