"""Make sure someone can log in to the admin on a fresh machine, and say how."""

import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

DEVELOPMENT_PASSWORD = "newsroom-editor"
EDITORS_GROUP = "编辑"


class Command(BaseCommand):
    help = "创建（若不存在）一个总编辑账号，并打印登录方式。"

    def add_arguments(self, parser):
        parser.add_argument(
            "--username", default=os.environ.get("DJANGO_EDITOR_USERNAME", "editor")
        )
        parser.add_argument(
            "--site-url", default="http://127.0.0.1:8000", help="站点地址，用于提示登录"
        )

    def handle(self, *args, username, site_url, **options):
        password = os.environ.get("DJANGO_EDITOR_PASSWORD")
        if not password:
            if not settings.DEBUG:
                raise CommandError("DJANGO_EDITOR_PASSWORD must be set when DJANGO_DEBUG is off.")
            password = DEVELOPMENT_PASSWORD
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User(username=username, is_staff=True, is_superuser=True)
            try:
                validate_password(password, user)
            except ValidationError as error:
                raise CommandError("密码不合要求：" + " ".join(error.messages)) from error
            user.set_password(password)
            user.save()
            self.stdout.write(f"Created the editor account '{username}'.")
        editors = Group.objects.filter(name=EDITORS_GROUP).first()
        if editors is not None:
            user.groups.add(editors)
        self.stdout.write(
            f"Admin: {site_url.rstrip('/')}/admin/  user: {username}  "
            + (f"password: {password}" if user.check_password(password) else "")
        )
