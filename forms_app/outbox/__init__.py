"""The outbox: work for other systems, saved with the change that caused it and sent after commit.

Notifications (emails and texts) and webhook deliveries are both outbox items: a row written in the
transaction that changed a case, sent by a background task once that transaction commits, retried
with backoff when the receiver is down, and never able to undo the change itself. This package is
the part they share: the abstract model (`models.OutboxItem`), the claim/send/record cycle
(`dispatch`) and the `--now` option of the commands that sweep them (`commands`).

It is the lowest layer of forms_app: it knows nothing of journeys, cases, notifications or
connectors. See docs/outbox.md.
"""
