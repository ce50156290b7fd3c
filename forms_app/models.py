"""Forms app: everything a resident submits and staff work on. Its sub-apps (journeys, cases and
queues, Direct Debit, bookings, notifications) arrive with their issues."""
