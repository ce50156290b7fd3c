from django.dispatch import Signal

# Sent in the transaction that records a change to a case (sender: Case, case=..., update=...),
# so notifications and connectors queue their work with it, or not at all.
case_created = Signal()
case_updated = Signal()
# Sent in the transaction that removed a case's personal details (sender: Case, case=...), so
# the systems that were sent a copy can be told to remove theirs.
case_anonymised = Signal()
# Sent by the daily retention run (sender: RetentionRun, now=...), so an app that keeps personal
# data of its own (Direct Debit bank details) removes what is past its time in the same run.
retention_due = Signal()
