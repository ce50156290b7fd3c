# Townhall's front cache. Varnish keeps one copy of a public page for every anonymous visitor and
# passes everything personal straight to the app. The backends (the app processes, the director `app`
# that balances them and the acl `purgers`: who may purge) are in backends.vcl, written by whoever
# starts Varnish: deploy/stack/start for `make stack`, compose-backends.vcl in the container setup.
#
# What the app promises in return (the README's "Front cache"): an anonymous GET of a public page
# holds nothing per visitor but the two choices kept below; anything else says `Cache-Control:
# private` or sets a cookie, and Varnish then never stores it.
vcl 4.1;

import directors;

include "backends.vcl";

sub vcl_recv {
    set req.backend_hint = app.backend();

    if (req.method == "PURGE") {
        # Wagtail's frontend-cache purge, sent by the app processes on publish.
        if (!client.ip ~ purgers) {
            return (synth(405, "Purging is not allowed from here"));
        }
        return (purge);
    }
    if (req.method == "BAN") {
        # The app empties the whole cache after any change editors make (site/frontcache.py).
        if (!client.ip ~ purgers) {
            return (synth(405, "Banning is not allowed from here"));
        }
        ban("obj.status != 0");
        return (synth(200, "Emptied"));
    }

    # Who the visitor is, the app learns from X-Forwarded-For (rate limits count per address):
    # Varnish itself appends client.ip to it before vcl_recv, once, so the VCL adds nothing. Adding
    # it again would make the address appear twice, and a site with a balancer in front of Varnish
    # (TRUSTED_PROXY_COUNT=2) would then count every resident as the balancer.

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Staff, residents' files and health checks are never cached.
    if (req.url ~ "^/(admin|django-admin|documents|healthz)(/|$|\?)") {
        return (pass);
    }
    if (req.http.Authorization) {
        return (pass);
    }
    # A session means a form in progress, a signed-in member of staff or a resident's progress
    # check: all personal, all passed.
    if (req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }

    # Keep only the cookies that change what an anonymous visitor sees (the cookie banner hidden,
    # alerts hidden); every other cookie (analytics, an old CSRF token) is dropped from the request.
    if (req.http.Cookie) {
        set req.http.Cookie = ";" + req.http.Cookie;
        set req.http.Cookie = regsuball(req.http.Cookie, "; +", ";");
        set req.http.Cookie = regsuball(req.http.Cookie, ";(townhall_cookie_message_hidden|townhall_hidden_alerts)=", "; \1=");
        set req.http.Cookie = regsuball(req.http.Cookie, ";[^ ][^;]*", "");
        set req.http.Cookie = regsuball(req.http.Cookie, "^[; ]+|[; ]+$", "");
        # The banner's cookie counts by being there, whatever its value: one variant, not many.
        set req.http.Cookie = regsub(req.http.Cookie, "townhall_cookie_message_hidden=[^;]*", "townhall_cookie_message_hidden=1");
        if (req.http.Cookie == "") {
            unset req.http.Cookie;
        }
    }
    # English is at / and Welsh at /cy/: the address decides the language, never the browser's
    # Accept-Language, so one copy serves every browser.
    unset req.http.Accept-Language;
    return (hash);
}

# One council site per cache: pages are keyed by their address alone, whatever host name they were
# asked for, so a purge names them the same way. The two cookie choices make variants of one page
# (the app sends Vary: Cookie), so purging a page drops all of them.
sub vcl_hash {
    hash_data(req.url);
    return (lookup);
}

sub vcl_backend_response {
    # Varnish's built-in rules then refuse to store anything that sets a cookie, says private,
    # no-cache or no-store, or varies on everything.
    if (bereq.url ~ "^/static/") {
        set beresp.ttl = 1d;
    }
    # Kept a little past its time while a fresh copy is fetched; a purge removes it at once.
    set beresp.grace = 30s;
}

sub vcl_deliver {
    # For the benchmarks and the tests: was this served from the cache?
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
