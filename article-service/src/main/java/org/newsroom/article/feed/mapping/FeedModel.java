package org.newsroom.article.feed.mapping;

import java.time.OffsetDateTime;
import java.util.List;

import org.newsroom.article.model.LeadImage;

/** A feed before it is written as Atom, RSS 2.0 or JSON Feed: the same content in every format. */
public final class FeedModel {

    private FeedModel() {
    }

    /**
     * The feed.
     *
     * @param id      stable identifier (an absolute URI)
     * @param selfUrl where this feed is served (the Atom format's URL; other formats swap the extension)
     * @param updated newest entry's time (stable while content is, so ETags stay valid); null when there are no entries
     */
    public record Feed(String id, String selfUrl, String homeUrl, String title, String description, String language,
            OffsetDateTime updated, List<Entry> entries) {
    }

    /**
     * One entry: an issue of the paper or an article.
     *
     * @param image the article's lead image (Atom {@code link rel="enclosure"}, RSS {@code enclosure}, JSON Feed
     *              {@code image}), or null
     */
    public record Entry(String id, String url, String title, String summary, String contentHtml,
            OffsetDateTime published, OffsetDateTime updated, List<String> authors, List<String> categories,
            LeadImage image) {

        /** An entry without an image. */
        public Entry(String id, String url, String title, String summary, String contentHtml,
                OffsetDateTime published, OffsetDateTime updated, List<String> authors, List<String> categories) {
            this(id, url, title, summary, contentHtml, published, updated, authors, categories, null);
        }
    }
}
