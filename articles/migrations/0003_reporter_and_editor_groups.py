"""The two newsroom roles: 记者 (reporters) write and submit, 编辑 (editors) also publish."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

REPORTERS = "记者"
EDITORS = "编辑"

REPORTER_PERMISSIONS = [
    ("articles", "view_article"),
    ("articles", "add_article"),
    ("articles", "change_article"),
    ("articles", "view_historicalarticle"),
    ("articles", "view_issue"),
    ("articles", "view_page"),
    ("articles", "view_contributor"),
    ("articles", "add_contributor"),
    ("articles", "view_byline"),
    ("articles", "add_byline"),
    ("articles", "change_byline"),
    ("articles", "delete_byline"),
    ("articles", "view_caption"),
    ("articles", "add_caption"),
    ("articles", "change_caption"),
    ("articles", "delete_caption"),
    ("entities", "view_organisation"),
    ("entities", "view_organisationalias"),
    ("entities", "view_mention"),
    ("entities", "add_mention"),
    ("entities", "change_mention"),
    ("entities", "delete_mention"),
    ("taggit", "view_tag"),
    ("taggit", "add_tag"),
]
EDITOR_APPS = ["articles", "entities", "taggit"]


def ensure_permissions_exist(apps):
    """Permissions are normally created after all migrations; the groups need them now."""
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ensure_permissions_exist(apps)

    reporters, _ = Group.objects.get_or_create(name=REPORTERS)
    for app_label, codename in REPORTER_PERMISSIONS:
        reporters.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )

    editors, _ = Group.objects.get_or_create(name=EDITORS)
    editors.permissions.add(*Permission.objects.filter(content_type__app_label__in=EDITOR_APPS))


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[REPORTERS, EDITORS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0002_article_history_and_publish_permission"),
        ("entities", "0001_initial"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
