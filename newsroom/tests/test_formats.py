"""The site's date formats (newsroom/formats): the newspaper's style for readers, the second
in ISO order for editors."""

import datetime

from django.template import Context, Template
from django.utils import formats

WHEN = datetime.datetime(2025, 8, 5, 9, 30, 7)


def test_readers_get_the_newspapers_date_and_time():
    assert formats.date_format(WHEN.date(), "DATE_FORMAT") == "2025年8月5日"
    assert formats.date_format(WHEN, "DATETIME_FORMAT") == "2025年8月5日 09:30"


def test_editors_get_the_second_in_iso_order_in_templates():
    template = Template('{{ when|date:"SHORT_DATETIME_FORMAT" }} {{ when|date:"DATE_FORMAT" }}')
    assert template.render(Context({"when": WHEN})) == "2025-08-05 09:30:07 2025年8月5日"
