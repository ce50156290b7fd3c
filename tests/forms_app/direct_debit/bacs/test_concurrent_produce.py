"""Two members of staff press "Produce AUDDIS file" at the same moment: each instruction is
lodged exactly once. Needs PostgreSQL (run by `make test-scale`)."""

import threading

from django.db import connection

import pytest

from forms_app.direct_debit.bacs.lodging import produce_files
from forms_app.direct_debit.bacs.models import AuddisEntry, AuddisFile
from forms_app.direct_debit.enums import InstructionStatus
from forms_app.direct_debit.models import Instruction
from tests.factories.direct_debit import InstructionFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason=(
            "needs PostgreSQL: SQLite lets one write transaction in at a time, so two producers "
            "can never overlap there (make test-scale runs this on PostgreSQL)"
        ),
    ),
]

PRODUCERS = 2


def test_two_producers_at_once_lodge_each_instruction_once(revenues_queue, bacs_settings):
    instructions = [InstructionFactory() for _n in range(20)]
    cancelling = InstructionFactory(status=InstructionStatus.ACTIVE)
    cancelling.request_cancellation()
    start = threading.Barrier(PRODUCERS)
    results, errors = [], []

    def produce():
        try:
            start.wait()
            results.append(produce_files())
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=produce) for _n in range(PRODUCERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    # One file between them: the second producer found nothing left to send.
    assert sorted(len(outcome.files) for outcome in results) == [0, 1]
    assert AuddisFile.objects.count() == 1
    for instruction in instructions:
        assert AuddisEntry.objects.filter(instruction=instruction).count() == 1
        assert Instruction.objects.get(pk=instruction.pk).status == InstructionStatus.LODGED
    assert AuddisEntry.objects.filter(instruction=cancelling).count() == 1
    records = [line for line in AuddisFile.objects.get().content.split("\r\n") if len(line) == 100]
    assert len(records) == 21
