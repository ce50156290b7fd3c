"""Private storage for the files residents attach to a journey.

Residents' files (photos of a fly-tip, a tenancy agreement, a bank statement) are personal data, so
they live outside MEDIA_ROOT under settings.PRIVATE_MEDIA_ROOT and have no URL: the storage refuses
to make one, and no web server route points at the folder. Staff download a file only through a
staff view that checks they may see the case it belongs to (a later issue); that view reads it with
open_upload().

A file is stored under a random name with the extension of the type its contents show, never the
name or extension the resident's browser sent, so a file cannot choose its own path or pose as
another type. The original name is kept, cleaned, for staff to read.

A stored file's modification time is when a journey in progress last used it (keep_uploads(),
on every change to the journey): the retention run removes files no answer refers to once that is
longer ago than any journey can last (see progress.py).

Model fields that hold these files should pass `storage=private_storage` (the callable), so
migrations do not capture the storage's location.
"""

import codecs
import os
import re
import unicodedata
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import FileSystemStorage
from django.utils import timezone

import filetype

ORIGINAL_NAME_MAX_LENGTH = 100
# Journeys' files, in a folder per month, under the private root.
UPLOADS_FOLDER = "journeys"
# Enough for every signature filetype knows, including the first entries of an Office zip.
_HEAD_BYTES = 8192
# A file name's extension: letters and digits after its last dot, at least one of them a letter.
_EXTENSION = re.compile(r"\.[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*$")


@dataclass(frozen=True)
class StoredFile:
    """A resident's file in private storage, as a file question's answer describes it
    (store_upload() makes the description)."""

    name: str
    original_name: str
    size: int | None = None
    content_type: str = "application/octet-stream"

    @classmethod
    def from_value(cls, value):
        """The file an answer's value describes, or None: the one "is this a file?" test."""
        # What store_upload() writes: a storage name and the type the contents showed. (An
        # address, or bank details, is a mapping too, but never has both.)
        if not isinstance(value, Mapping) or not value.get("name") or "content_type" not in value:
            return None
        return cls(
            name=str(value["name"]),
            original_name=str(value.get("original_name") or "upload"),
            size=value.get("size"),
            content_type=str(value.get("content_type") or "application/octet-stream"),
        )

    @property
    def extension(self):
        """The extension of the type the contents showed: store_upload() names the file by it."""
        suffix = PurePosixPath(self.name).suffix.lstrip(".").lower()
        return suffix if suffix.isalnum() else "bin"

    @property
    def download_name(self):
        """The resident's name for the file, ending in the extension of what it really is.

        The resident's own extension is dropped: a text file sent as "invoice.hta" would run as a
        program when a member of staff opened the download on Windows. "invoice.txt" opens in a
        text editor. A suffix with no letter ("v2.1") is part of the name, not an extension.
        """
        stem = _EXTENSION.sub("", clean_original_name(self.original_name)).rstrip(". ")
        stem = stem or "upload"
        return f"{stem}.{self.extension}"


def stored_file(value):
    """The file an answer's value describes, or None: the one "is this a file?" test."""
    return StoredFile.from_value(value)


def private_media_root():
    default = Path(settings.BASE_DIR) / "var" / "private-media"
    return Path(getattr(settings, "PRIVATE_MEDIA_ROOT", default))


class PrivateStorage(FileSystemStorage):
    """A file system storage with no URL, readable only by the app's own user."""

    def __init__(self, location=None, **kwargs):
        kwargs.setdefault("file_permissions_mode", 0o600)
        kwargs.setdefault("directory_permissions_mode", 0o700)
        super().__init__(location=location or private_media_root(), **kwargs)

    @property
    def base_url(self):
        # FileSystemStorage falls back to MEDIA_URL when base_url is None; these files have none.
        return None

    def url(self, name):
        raise ValueError("Residents' files have no URL; staff download them through a case view.")


def private_storage():
    # A new instance each time, so a changed PRIVATE_MEDIA_ROOT (tests, management commands) holds.
    return PrivateStorage()


def detect_type(file, original_name=""):
    """The (MIME type, extension) the file's contents show.

    Plain text has no signature, so text is recognised by decoding as UTF-8; the original name
    only decides between CSV and plain text, which are equally harmless. Anything unrecognised is
    application/octet-stream with the extension "bin", for the caller's allow-list to refuse.
    """
    file.seek(0)
    head = file.read(_HEAD_BYTES)
    file.seek(0)
    kind = filetype.guess(head) if head else None
    if kind is not None:
        return kind.mime, kind.extension
    if head and _looks_like_text(head):
        if original_name.lower().endswith(".csv"):
            return "text/csv", "csv"
        return "text/plain", "txt"
    return "application/octet-stream", "bin"


def _looks_like_text(head):
    if b"\x00" in head:
        return False
    # Incremental, so a character cut in half at the end of `head` is not mistaken for binary.
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return False
    return True


def clean_original_name(name):
    """The resident's file name made safe to show and to put in a download header."""
    base = " ".join(re.split(r"[\\/]", name or "")[-1].split())
    # Control and format characters go: a right-to-left override can make a name that ends ".exe"
    # read as if it ended ".jpg".
    base = "".join(char for char in base if unicodedata.category(char)[0] != "C").lstrip(". ")
    if len(base) > ORIGINAL_NAME_MAX_LENGTH:
        stem, dot, extension = base.rpartition(".")
        if dot and stem and len(extension) < 10:
            keep = ORIGINAL_NAME_MAX_LENGTH - len(extension) - 1
            base = f"{stem[:keep].rstrip()}.{extension}"
        else:
            base = base[:ORIGINAL_NAME_MAX_LENGTH]
    return base or "upload"


def store_upload(uploaded_file):
    """Save a resident's file privately and describe it for the submission."""
    original_name = clean_original_name(getattr(uploaded_file, "name", ""))
    content_type, extension = detect_type(uploaded_file, original_name)
    folder = timezone.localdate().strftime(f"{UPLOADS_FOLDER}/%Y/%m")
    storage = private_storage()
    name = storage.save(f"{folder}/{uuid.uuid4().hex}.{extension}", uploaded_file)
    return {
        "name": name,
        "original_name": original_name,
        "size": storage.size(name),
        "content_type": content_type,
    }


def open_upload(stored_name):
    """The stored file, open for reading in binary; the caller closes it."""
    return private_storage().open(stored_name, "rb")


def delete_upload(stored_name):
    """Remove a stored file (retention, or a resident replacing an answer); missing is fine."""
    private_storage().delete(stored_name)


def keep_uploads(names, now=None):
    """Mark stored files as in use now (their modification time), so that the retention run,
    which removes files of journeys nobody can finish any more, leaves them alone."""
    storage = private_storage()
    moment = (now or timezone.now()).timestamp()
    for name in names:
        try:
            os.utime(storage.path(name), (moment, moment))
        except (FileNotFoundError, SuspiciousFileOperation):
            continue  # already removed, or not a name of ours: nothing to keep


def stored_uploads(folder=UPLOADS_FOLDER):
    """(storage name, when last in use) of every journey file in private storage."""
    storage = private_storage()
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for file in files:
        name = f"{folder}/{file}"
        try:
            yield name, storage.get_modified_time(name)
        except FileNotFoundError:
            continue  # removed meanwhile (a resident replacing it)
    for inner in folders:
        yield from stored_uploads(f"{folder}/{inner}")
