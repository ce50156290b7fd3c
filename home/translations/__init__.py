"""Translations: how editors keep the Welsh website in step with the English one.

Translating itself is wagtail-localize (translate a page or snippet, type the Welsh, sync when the
English changes). This app adds what tells editors where work is waiting: the "Translations to
update" report, its dashboard panel, a notice in the editor of a translated page whose English page
has changed, and the demo council's translation permissions.
"""
