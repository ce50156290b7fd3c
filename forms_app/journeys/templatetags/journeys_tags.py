from django import template

from ..references import format_reference

register = template.Library()


@register.filter
def grouped_reference(reference):
    """'HT7K9QWX' as 'HT7K 9QWX', easier to read aloud and copy."""
    return format_reference(reference)
