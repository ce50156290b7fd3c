"""Numbers that arrive as text from anyone: form fields and cookies naming a row by its id."""

# The largest id a database column can hold (PostgreSQL's bigint); anything longer is not an id.
MAX_ID = 2**63 - 1


def parse_id(text):
    """The row id `text` spells in ASCII digits ("42"), or None.

    str.isdigit() alone is not enough: "²" and "٣" are digits to it, and int() refuses the first;
    a 40-digit number is a number but no database id, and overflows the database's integer.
    """
    if not isinstance(text, str) or not (text.isascii() and text.isdigit()) or len(text) > 19:
        return None
    number = int(text)
    return number if 0 < number <= MAX_ID else None
