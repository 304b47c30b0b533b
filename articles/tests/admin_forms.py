"""Fill in an admin change form the way a browser would: what the page shows, plus changes."""

from django.db.models.fields.files import FieldFile
from django.urls import reverse
from taggit.forms import TagWidget

from articles.tagging import join_tags


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def _field_value(bound_field):
    value = bound_field.value()
    if isinstance(bound_field.field.widget, TagWidget) and not isinstance(value, str):
        return join_tags(value or [])
    if value is None:
        return ""
    return value


def form_data(response):
    """Every field the admin page rendered, with the value it rendered."""
    data = {}
    for bound_field in response.context["adminform"].form:
        data[bound_field.html_name] = _field_value(bound_field)
    for inline in response.context.get("inline_admin_formsets", []):
        formset = inline.formset
        for bound_field in formset.management_form:
            data[bound_field.html_name] = _field_value(bound_field)
        for form in formset.forms:
            for bound_field in form:
                value = _field_value(bound_field)
                if value is False or isinstance(value, FieldFile):
                    continue  # an unticked box, a file input left alone: a browser sends neither
                data[bound_field.html_name] = value
    return data


def post_change(client, article, changes=None, loaded_from=None, url=None):
    """GET the change page (or reuse `loaded_from`), apply `changes`, POST it back."""
    page = loaded_from or client.get(change_url(article))
    data = {**form_data(page), **(changes or {})}
    data.pop("schedule_at", None)
    for key in ("schedule_at_0", "schedule_at_1"):
        data.setdefault(key, "")
    data = {k: v for k, v in data.items() if v is not None}
    return client.post(url or change_url(article), data)
