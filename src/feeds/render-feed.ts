import { Feed } from 'feed';
import type { FeedItem } from './feed-items';

export const FEED_FORMATS = ['rss', 'atom'] as const;
export type FeedFormat = (typeof FEED_FORMATS)[number];

export const FEED_CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
};

export interface FeedChannel {
  publicationName: string;
  locale: string;
  section: string | null;
  /** The reader-facing site (or the API when there is none). */
  siteUrl: string;
  /** This feed's own URLs, for the self links. */
  urls: Record<FeedFormat, string>;
}

/**
 * The feed document. `updated` is the newest item's date, not the time of the
 * request: the same articles give the same bytes, so the ETag only changes when they do.
 */
export function renderFeed(format: FeedFormat, channel: FeedChannel, items: FeedItem[]): string {
  const title = channel.section ? `${channel.publicationName}: ${channel.section}` : channel.publicationName;
  const feed = new Feed({
    id: channel.urls[format],
    title,
    description: title,
    link: channel.siteUrl,
    language: channel.locale,
    updated: items[0]?.date ?? new Date(0),
    generator: channel.publicationName,
    copyright: `© ${channel.publicationName}`,
    author: { name: channel.publicationName },
    feedLinks: channel.urls,
  });
  for (const item of items) {
    feed.addItem({
      title: item.title,
      id: item.id,
      guid: item.id,
      link: item.link,
      date: item.date,
      published: item.date,
      ...(item.summary && { description: item.summary }),
      ...(item.section && { category: [{ name: item.section, term: item.section }] }),
    });
  }
  return format === 'rss' ? feed.rss2() : feed.atom1();
}
