"""Alerts: site-wide or section-wide banners editors raise for emergencies and disruption."""
