"""How the site writes dates and times in Chinese: the one home of these formats.

Templates name them (``|date:"DATE_FORMAT"``) and code asks `django.utils.formats` for them,
so no format string is written twice. Readers get the newspaper's own style (2025年8月5日,
2025年8月5日 09:30); editors comparing history records need the second, in the ISO order
that sorts as it reads (2025-08-05 09:30:07), and the admin's own templates name
SHORT_DATETIME_FORMAT for that.
"""

DATE_FORMAT = "Y年n月j日"
DATETIME_FORMAT = "Y年n月j日 H:i"
SHORT_DATETIME_FORMAT = "Y-m-d H:i:s"
