"""Journeys: editor-built online forms that residents complete one page at a time."""
