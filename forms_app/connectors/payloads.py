"""The JSON a queue's webhook receives: the case as staff see it, and the change that was made.

It contains residents' personal data (names, contact details, whatever they answered), so it is
meant only for the council's own systems, over HTTPS. Stored file names are left out: receivers get
the name the resident gave a file, never the private storage path. When retention removes a
case's personal details, "case.anonymised" carries only the reference: the receiver removes its
copy.
"""

from .enums import WebhookEvent


def _answer(answer):
    """An answer as text, as staff read it (a sensitive one masked, a file by its own name)."""
    display = answer.display or (answer.value if isinstance(answer.value, str) else "")
    return {"name": answer.name, "type": answer.type, "label": answer.label, "display": display}


def _update(update):
    if update is None:
        return None
    return {
        "kind": update.kind,
        "status_from": update.status_from,
        "status_to": update.status_to,
        # A move between queues: the queue it left and the one it joined ("" otherwise).
        "queue_from": update.queue_from,
        "queue_to": update.queue_to,
        "public": update.public,
        "created_at": update.created_at.isoformat(),
    }


def case_payload(case, event, update=None):
    """A JSON-ready dict describing `case` for `event`."""
    if event == WebhookEvent.CASE_ANONYMISED:
        # Nothing personal is left to send: which case, and that its copy must go too.
        return {
            "event": str(event),
            "reference": case.reference,
            "queue": case.queue.name,
            "anonymised_at": case.anonymised_at.isoformat(),
        }
    return {
        "event": str(event),
        "reference": case.reference,
        "status": case.status,
        "queue": case.queue.name,
        "form": case.summary,
        "created_at": case.created_at.isoformat(),
        "updated_at": case.updated_at.isoformat() if case.updated_at else None,
        "due_date": case.due_date.isoformat(),
        "channel": case.channel,
        "language": case.language,
        "answers": [_answer(answer) for answer in case.get_answers()],
        "update": _update(update),
    }
