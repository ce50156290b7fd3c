from django.dispatch import Signal

# Sent in the transaction that records a change to a case (sender: Case, case=..., update=...),
# so notifications and connectors queue their work with it, or not at all.
case_created = Signal()
case_updated = Signal()
