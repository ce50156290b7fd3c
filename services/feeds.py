"""The news Atom feed, so residents and local media can follow council news in a feed reader."""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

FEED_LENGTH = 20


class NewsFeed(Feed):
    feed_type = Atom1Feed

    def __init__(self, news_index):
        super().__init__()
        self.news_index = news_index

    def title(self):
        return self.news_index.title

    def subtitle(self):
        return self.news_index.summary

    def link(self):
        return self.news_index.url

    def items(self):
        return self.news_index.news_items()[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.url

    def item_pubdate(self, item):
        # News has a date, not a time: say 9am so readers sort it sensibly.
        return timezone.make_aware(datetime.combine(item.date, time(9)))

    def item_updateddate(self, item):
        return item.last_published_at
