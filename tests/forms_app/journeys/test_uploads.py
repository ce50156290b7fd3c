import io
import os
import re
import stat
import zipfile
from datetime import date
from pathlib import Path

from django.core.exceptions import SuspiciousFileOperation
from django.core.files.uploadedfile import SimpleUploadedFile

import pytest
from PIL import Image

from forms_app.journeys import uploads
from forms_app.journeys.uploads import (
    clean_original_name,
    delete_upload,
    open_upload,
    private_media_root,
    private_storage,
    store_upload,
)

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture
def private_root(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.MEDIA_ROOT = tmp_path / "media"
    return tmp_path / "private"


def _png():
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "green").save(buffer, format="PNG")
    return buffer.getvalue()


def _docx():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("_rels/.rels", "<Relationships/>")
        archive.writestr("word/document.xml", "<document/>")
    return buffer.getvalue()


def test_stores_under_a_random_name_in_the_private_root(private_root):
    content = _png()

    stored = store_upload(SimpleUploadedFile("../../etc/passwd.png", content, "image/png"))

    assert re.fullmatch(r"journeys/\d{4}/\d{2}/[0-9a-f]{32}\.png", stored["name"])
    assert "passwd" not in stored["name"]
    on_disk = private_root / stored["name"]
    assert on_disk.read_bytes() == content
    assert stored == {
        "name": stored["name"],
        "original_name": "passwd.png",
        "size": len(content),
        "content_type": "image/png",
    }
    assert not (private_root.parent / "media").exists()


def test_files_go_in_a_folder_for_the_month(private_root, monkeypatch):
    monkeypatch.setattr(uploads.timezone, "localdate", lambda: date(2026, 11, 3))

    stored = store_upload(SimpleUploadedFile("bin.png", _png()))

    assert stored["name"].startswith("journeys/2026/11/")


def test_the_same_file_twice_gets_two_names(private_root):
    first = store_upload(SimpleUploadedFile("photo.png", _png()))
    second = store_upload(SimpleUploadedFile("photo.png", _png()))

    assert first["name"] != second["name"]


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_stored_files_are_readable_only_by_the_app(private_root):
    stored = store_upload(SimpleUploadedFile("photo.png", _png()))

    assert stat.S_IMODE((private_root / stored["name"]).stat().st_mode) == 0o600


@pytest.mark.parametrize(
    ("name", "content", "content_type", "extension"),
    [
        ("report.pdf", _png(), "image/png", "png"),  # the contents decide, not the name
        ("photo.jpg", b"<?php system($_GET['c']); ?>", "text/plain", "txt"),
        ("scan.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "application/pdf", "pdf"),
        ("letter.docx", _docx(), DOCX, "docx"),
        ("readings.csv", b"date,reading\n2026-11-01,1234\n", "text/csv", "csv"),
        ("notes.txt", "Bin not emptied \u2013 again\n".encode(), "text/plain", "txt"),
        ("mystery.png", bytes(range(256)) * 4, "application/octet-stream", "bin"),
        ("latin.txt", "Caf\u00e9 bins\n".encode("latin-1"), "application/octet-stream", "bin"),
        ("empty.txt", b"", "application/octet-stream", "bin"),
    ],
)
def test_extension_and_type_come_from_the_contents(
    private_root, name, content, content_type, extension
):
    # The browser's claimed type is ignored as well as the name.
    stored = store_upload(SimpleUploadedFile(name, content, "image/png"))

    assert stored["name"].endswith(f".{extension}")
    assert stored["content_type"] == content_type
    assert stored["size"] == len(content)


def test_the_storage_has_no_url(private_root):
    storage = private_storage()

    assert storage.base_url is None
    with pytest.raises(ValueError, match="no URL"):
        storage.url("journeys/2026/11/abc.png")


def test_the_storage_is_rooted_at_the_private_media_root(private_root):
    assert Path(private_storage().location) == private_root


def test_the_private_root_has_a_default_outside_media(settings):
    del settings.PRIVATE_MEDIA_ROOT

    root = private_media_root()

    assert root == Path(settings.BASE_DIR) / "var" / "private-media"
    assert root != Path(settings.MEDIA_ROOT)


def test_open_and_delete(private_root):
    content = _png()
    stored = store_upload(SimpleUploadedFile("photo.png", content))

    with open_upload(stored["name"]) as handle:
        assert handle.read() == content
    delete_upload(stored["name"])

    assert not (private_root / stored["name"]).exists()
    delete_upload(stored["name"])  # already gone: nothing to do


def test_open_refuses_paths_outside_the_root(private_root):
    with pytest.raises(SuspiciousFileOperation):
        open_upload("../../etc/passwd")


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("../../etc/passwd.png", "passwd.png"),
        ("C:\\Users\\resident\\Documents\\tenancy.pdf", "tenancy.pdf"),
        ("bin  photo\t1.jpg", "bin photo 1.jpg"),
        ("photo\u202egpj.exe", "photogpj.exe"),
        ("..", "upload"),
        ("", "upload"),
        (None, "upload"),
        (".htaccess", "htaccess"),
    ],
)
def test_original_names_are_cleaned(given, expected):
    assert clean_original_name(given) == expected


def test_long_original_names_keep_their_extension():
    cleaned = clean_original_name("a" * 300 + ".pdf")

    assert len(cleaned) == 100
    assert cleaned.endswith(".pdf")


def test_long_original_names_without_an_extension_are_cut():
    assert clean_original_name("b" * 300) == "b" * 100
