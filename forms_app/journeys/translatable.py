"""What wagtail-localize offers translators in an online form, and what it copies unchanged.

Left to itself, wagtail-localize offers every CharBlock and TextBlock in a StreamField for
translation. In a form some of those are words residents read, and some are keys that answers,
branching rules and casework routing depend on, which must be the same in every language. So each
question, option and rule block names the children that hold words (``translated_words``), through
the two hooks wagtail-localize looks for on a block. Everything else in the block is copied from the
source page, as wagtail-localize does with any part of a StreamField it does not offer.

The page blocks (question, information and exit pages) and the text between questions are left to
wagtail-localize, except their page names: a page name is the page's address in the form
(``/cy/.../ffurflen/eich-cyfeiriad/``), and what rules send residents to. ``StepsField`` offers each
page name for translation and makes the translation's rules follow the translated names.
"""

import re
from collections import defaultdict

from django.utils.text import slugify

from wagtail import blocks
from wagtail.fields import StreamField
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import StreamFieldSegmentExtractor
from wagtail_localize.segments.ingest import StreamFieldSegmentsWriter

PAGE_NAME = "slug"


class TranslatedWordsMixin:
    """For a StructBlock: translators are offered only the children named in ``translated_words``.

    Each of those is a CharBlock or TextBlock, a block with these same hooks, or a ListBlock of
    such blocks. A blank child offers nothing.
    """

    translated_words = ()

    def keep_keys(self, value):
        """Write down any key made from the words of ``value`` (still in the source language),
        before the translation replaces them."""

    def get_translatable_segments(self, value):
        return [
            segment.wrap(name)
            for name in self.translated_words
            for segment in _segments(self.child_blocks[name], value.get(name))
        ]

    def restore_translated_segments(self, value, segments):
        """``value`` is the source's: give it the translated words, keeping everything else."""
        self.keep_keys(value)
        by_child = defaultdict(list)
        for segment in segments:
            name, rest = segment.unwrap()
            by_child[name].append(rest)
        # Only words are replaced: a key stays as it is even if a translation somehow has it.
        for name in self.translated_words:
            if by_child[name]:
                value[name] = _restore(self.child_blocks[name], value[name], by_child[name])
        return value


def _segments(block, value):
    if value in (None, ""):
        # Optional words left blank; forms saved before these blocks defaulted to "" hold None.
        return []
    if hasattr(block, "get_translatable_segments"):
        return block.get_translatable_segments(value)
    if isinstance(block, blocks.ListBlock):
        # Each item is found again by its id, which the translation keeps.
        return [
            segment.wrap(item.id)
            for item in value.bound_blocks
            for segment in _segments(block.child_block, item.value)
        ]
    if isinstance(block, blocks.CharBlock | blocks.TextBlock):
        return [StringSegmentValue("", value)]
    raise TypeError(f"{type(block).__name__} cannot be among a block's translated words.")


def _restore(block, value, segments):
    if hasattr(block, "restore_translated_segments"):
        return block.restore_translated_segments(value, segments)
    if isinstance(block, blocks.ListBlock):
        by_item = defaultdict(list)
        for segment in segments:
            item_id, rest = segment.unwrap()
            by_item[item_id].append(rest)
        for item in value.bound_blocks:
            if by_item[item.id]:
                item.value = _restore(block.child_block, item.value, by_item[item.id])
        return value
    [segment] = segments
    return segment.render_text()


def page_name(text):
    """A translated page name as a page name: lower case letters, numbers and single hyphens
    ("Eich cyfeiriad" and "eich_cyfeiriad" both become "eich-cyfeiriad"), or "" if none is left."""
    return re.sub(r"-{2,}", "-", slugify(text).replace("_", "-")).strip("-")


class StepsField(StreamField):
    """The pages of a form, with each page's name offered for translation.

    Everything else in the pages is offered as wagtail-localize offers any StreamField. A rule
    names the page it sends residents to, and rules are not translated: in the translation each
    rule goes to the translated name of the page it named. A translated name that is blank, or
    that another page of the form already has, leaves the page its source name.
    """

    def get_translatable_segments(self, value):
        segments = StreamFieldSegmentExtractor(self).handle_stream_block(value)
        names = [
            StringSegmentValue(PAGE_NAME, block.value[PAGE_NAME]).wrap(block.id)
            for block in value
            if block.value.get(PAGE_NAME)
        ]
        return segments + names

    def restore_translated_segments(self, value, segments):
        """``value`` is the source's steps: give them the translated words and page names."""
        translated_names, rest = {}, []
        for segment in segments:
            block_id, inner = segment.unwrap()
            if inner.path == PAGE_NAME and isinstance(segment, StringSegmentValue):
                translated_names[block_id] = page_name(inner.render_text())
            else:
                rest.append(segment)
        # Only text segments are in a form's steps: no related objects, so no locales needed.
        StreamFieldSegmentsWriter(self, None, None).handle_stream_block(value, rest)

        renamed = {}
        taken = {block.value[PAGE_NAME] for block in value}
        for block in value:
            source_name = block.value[PAGE_NAME]
            name = translated_names.get(block.id, "")
            if name and name != source_name and name not in taken:
                renamed[source_name] = name
                taken.add(name)
        for block in value:
            block.value[PAGE_NAME] = renamed.get(block.value[PAGE_NAME], block.value[PAGE_NAME])
            for rule in block.value.get("rules") or []:
                rule["go_to"] = renamed.get(rule["go_to"], rule["go_to"])
        return value
