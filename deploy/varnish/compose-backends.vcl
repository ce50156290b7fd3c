# The container setup's app processes (deploy/compose.yaml): two app services on the compose network.
backend app1 {
    .host = "app1";
    .port = "8000";
    .probe = { .url = "/healthz"; .interval = 2s; .timeout = 2s; .window = 5; .threshold = 3; }
}
backend app2 {
    .host = "app2";
    .port = "8000";
    .probe = { .url = "/healthz"; .interval = 2s; .timeout = 2s; .window = 5; .threshold = 3; }
}

sub vcl_init {
    new app = directors.round_robin();
    app.add_backend(app1);
    app.add_backend(app2);
}

# The app containers purge on publish; they reach Varnish over the compose network.
acl purgers {
    "app1";
    "app2";
}
