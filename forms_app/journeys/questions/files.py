"""The kinds of file residents may upload, and what a file's contents show it to be."""

import zipfile

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


def detect_file_type(uploaded):
    """The allow-list extension that the file's contents show, or None.

    The name and the browser's content type are chosen by whoever sends the file, so neither is
    looked at. A .docx is a zip holding word/document.xml; macros would make it a .docm.
    """
    _mime, extension = detect_type(uploaded)
    if extension in ("zip", "docx"):
        try:
            with zipfile.ZipFile(uploaded) as archive:
                names = set(archive.namelist())
        except (zipfile.BadZipFile, OSError, ValueError, EOFError):
            return None
        finally:
            uploaded.seek(0)
        if "word/document.xml" in names and "word/vbaProject.bin" not in names:
            return "docx"
        return None
    return extension if extension in FILE_TYPES else None
