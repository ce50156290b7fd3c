"""The kinds of file residents may upload, and what a file's contents show it to be."""

import copy
import zipfile
import zlib

from ..uploads import detect_type

FILE_TYPES = {
    # extension: (what residents are told, the extensions their file picker should offer)
    "jpg": ("JPG", ".jpg,.jpeg"),
    "png": ("PNG", ".png"),
    "heic": ("HEIC", ".heic,.heif"),
    "pdf": ("PDF", ".pdf"),
    "docx": ("DOCX", ".docx"),
}
DEFAULT_FILE_TYPES = ["jpg", "png", "heic", "pdf", "docx"]
DEFAULT_MAX_FILE_MB = 10
MAX_FILE_MB = 25

# A Word document is a zip: a few MB uploaded can inflate to gigabytes in whatever opens it next
# (a member of staff's Word, a virus scanner, an export). Photos in a document barely compress,
# so four times the largest upload is room for any honest document; a long report is well under
# a hundred parts, pictures included.
MAX_OPENED_MB = 100
MAX_ARCHIVE_ENTRIES = 1000
_CHUNK = 64 * 1024


class FileRefused(ValueError):
    """A file of an allowed type that still may not be kept; `code` names the field's message."""

    def __init__(self, code):
        super().__init__(code)
        self.code = code


def detect_file_type(uploaded):
    """The allow-list extension that the file's contents show, or None.

    The name and the browser's content type are chosen by whoever sends the file, so neither is
    looked at. A .docx is a zip holding word/document.xml; macros would make it a .docm. A
    document too big once opened, or whose listing misstates what it holds, raises FileRefused.
    """
    _mime, extension = detect_type(uploaded)
    if extension not in ("zip", "docx"):
        return extension if extension in FILE_TYPES else None
    try:
        try:
            archive = zipfile.ZipFile(uploaded)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError):
            return None
        with archive:
            entries = archive.infolist()
            # The listing alone says how big it claims to be: refuse before inflating anything.
            if len(entries) > MAX_ARCHIVE_ENTRIES or (
                sum(entry.file_size for entry in entries) > MAX_OPENED_MB * 1024 * 1024
            ):
                raise FileRefused("opened_too_big")
            names = {entry.filename for entry in entries}
            if "word/document.xml" not in names or "word/vbaProject.bin" in names:
                return None
            if not all(_inflates_as_listed(archive, entry) for entry in entries):
                raise FileRefused("damaged")
        return "docx"
    finally:
        uploaded.seek(0)


def _inflates_as_listed(archive, entry):
    """Whether the entry's data inflates to exactly the size (and checksum) its listing gives.

    zipfile stops reading at the listed size, so data that goes on past it would pass unseen.
    Reading as if one byte more were listed shows the excess, without ever inflating more than
    the listing, already checked against the limit, allows.
    """
    probe = copy.copy(entry)
    probe.file_size = entry.file_size + 1
    inflated = 0
    try:
        with archive.open(probe) as data:
            while chunk := data.read(_CHUNK):
                inflated += len(chunk)
    except (zipfile.BadZipFile, EOFError, OSError, RuntimeError, NotImplementedError, zlib.error):
        # A bad checksum, data cut short, encryption or a compression zipfile cannot read.
        return False
    return inflated == entry.file_size
