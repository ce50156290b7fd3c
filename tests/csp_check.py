"""Reading a response's Content-Security-Policy and the scripts its page runs, for tests."""

import re

from townhall.csp import script_hash


def directives(header):
    """{directive: [sources]} of a Content-Security-Policy header, in any order."""
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def policy(response):
    return directives(response["Content-Security-Policy"])


def inline_scripts(html):
    """The text of every script a browser would run from the page itself."""
    scripts = re.findall(r"<script\b([^>]*)>(.*?)</script>", html, flags=re.DOTALL)
    return [
        body
        for attributes, body in scripts
        if "src=" not in attributes and "application/json" not in attributes
    ]


def inline_handlers(html):
    """Event handler attributes (onclick=...), which the policy refuses as inline script."""
    return re.findall(r"<[^>]*\son[a-z]+\s*=", html)


def assert_page_runs_within_its_policy(response):
    """Every inline script on the page is one the policy names by its hash; no inline handlers."""
    allowed = policy(response)["script-src"]
    html = response.content.decode()
    for body in inline_scripts(html):
        assert script_hash(body) in allowed, body
    assert inline_handlers(html) == []
