"""The review queue on the admin's index page: 待审 and 定时 one click away, with counts."""

from django import template
from django.urls import reverse

from articles.publishing import State, state_counts

register = template.Library()


@register.inclusion_tag("admin/articles/queue.html", takes_context=True)
def article_queue(context):
    request = context["request"]
    if not request.user.has_perm("articles.view_article"):
        return {"tabs": []}
    counts = state_counts()
    url = reverse("admin:articles_article_changelist")
    return {
        "tabs": [
            {
                "label": State.LABELS[state],
                "count": counts[state],
                "url": f"{url}?state={state}",
            }
            for state in (State.REVIEW, State.SCHEDULED, State.DRAFT)
        ]
    }
