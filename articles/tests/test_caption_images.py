"""Caption photos are served from /media/ through the storage API, to readers once the
article is published, with a year's cache; unpublished ones only to staff."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from articles.models import Article, Caption
from articles.tests.roles import make_editor
from conftest import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def photo(name="现场.png"):
    data = io.BytesIO()
    Image.new("RGB", (6, 4), "red").save(data, "PNG")
    return SimpleUploadedFile(name, data.getvalue(), content_type="image/png")


def captioned(status=Article.Status.PUBLISHED):
    article = make_article("有图的稿件", status=status)
    return Caption.objects.create(article=article, text="图为现场。", image=photo())


def test_a_published_caption_photo_is_served_with_a_years_cache(client):
    caption = captioned()
    page = client.get(caption.article.get_absolute_url()).content.decode()
    assert f'src="{caption.image.url}"' in page and caption.image.url.startswith("/media/")
    response = client.get(caption.image.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == caption.image.open("rb").read()
    assert response["Content-Type"] == "image/png"
    assert "max-age=31536000" in response["Cache-Control"]
    assert "immutable" in response["Cache-Control"]


def test_an_unpublished_caption_photo_is_for_staff_only(client):
    caption = captioned(status=Article.Status.DRAFT)
    assert client.get(caption.image.url).status_code == 404
    client.force_login(make_editor())
    response = client.get(caption.image.url)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("name", ["../../etc/passwd", "printed/2025/08/05/03-page.webp", "x.png"])
def test_files_that_are_no_caption_photo_are_not_served(client, media, name):
    captioned()
    (media / "x.png").write_bytes(b"not a caption")
    assert client.get(f"/media/{name}").status_code == 404
