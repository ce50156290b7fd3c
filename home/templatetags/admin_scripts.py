"""`{% run_script "new InlinePanel" options %}`: a start-up call as data (home/admin_scripts.py)."""

import json

from django import template

from home import admin_scripts

register = template.Library()


@register.simple_tag
def run_script(call, *args):
    return admin_scripts.run_script(call, args)


@register.filter
def from_json(text):
    return json.loads(text)
