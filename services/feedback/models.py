"""Feedback: residents' "Is this page useful?" answers, and the reports that act on them."""
