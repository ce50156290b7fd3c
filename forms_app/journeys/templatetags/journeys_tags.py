import re

from django import template
from django.utils.safestring import mark_safe

from townhall.public_urls import public_url

from ..references import format_reference

register = template.Library()


@register.filter
def grouped_reference(reference):
    """'HT7K9QWX' as 'HT7K 9QWX', easier to read aloud and copy."""
    return format_reference(reference)


@register.filter
def public_links(html):
    """Rich text whose links to this site's pages carry the whole public address: what a printed
    page shows beside each link must be somewhere a resident can go, not a bare path."""
    return mark_safe(  # noqa: S308 - only href values already in the rendered rich text change
        re.sub(r'href="(/[^"]*)"', lambda link: f'href="{public_url(link[1])}"', str(html))
    )
