from django.dispatch import Signal

# Sent inside the transaction that stores a Submission (sender: Submission, submission=...), so
# whatever casework makes of it is saved with it, or not at all.
submission_received = Signal()
