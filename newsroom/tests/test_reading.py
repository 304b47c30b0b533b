"""`newsroom.reading.link`: a route resolved once, then filled in by string joins."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.urls import path, register_converter

from newsroom.reading import link


class HexConverter:
    """Writes its integer in hexadecimal: the URL does not show the argument as given."""

    regex = "[0-9a-f]+"

    def to_python(self, value):
        return int(value, 16)

    def to_url(self, value):
        return f"{value:x}"


register_converter(HexConverter, "hex")


def _view(request, **kwargs):
    raise NotImplementedError


urlpatterns = [
    path("hex/<hex:pk>/", _view, name="hex-item"),
    path("item/<int:pk>/part/<int:n>/", _view, name="item-part"),
]


@pytest.mark.urls(__name__)
def test_a_route_with_two_integers_is_filled_in_as_reverse_would():
    assert link("item-part", 12, 3) == "/item/12/part/3/"


@pytest.mark.urls(__name__)
def test_a_route_that_rewrites_its_argument_is_refused_with_a_clear_message():
    with pytest.raises(ImproperlyConfigured, match="hex-item does not show its argument 0"):
        link("hex-item", 255)
