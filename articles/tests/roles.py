"""Users in the newsroom's two groups, as the data migration defines them."""

from django.contrib.auth.models import Group, User

REPORTERS = "记者"
EDITORS = "编辑"


def make_staff(username, group_name, password="pw-for-tests"):
    user = User.objects.create_user(username, password=password, is_staff=True)
    user.groups.add(Group.objects.get(name=group_name))
    return User.objects.get(pk=user.pk)


def make_reporter(username="reporter"):
    return make_staff(username, REPORTERS)


def make_editor(username="editor"):
    return make_staff(username, EDITORS)
