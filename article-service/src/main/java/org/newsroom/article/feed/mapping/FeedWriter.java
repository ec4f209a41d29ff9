package org.newsroom.article.feed.mapping;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEnclosureImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;

/**
 * Writes a {@link FeedModel.Feed} as Atom 1.0 and RSS 2.0 (Rome) or JSON Feed 1.1 (Jackson). Text is stripped of the
 * characters XML 1.0 cannot carry; everything else is escaped by the writers.
 */
public final class FeedWriter {

    public static final String ATOM = "application/atom+xml";
    public static final String RSS = "application/rss+xml";
    public static final String JSON_FEED = "application/feed+json";
    public static final String JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1";

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    /** When a feed has no entries at all; fixed so that the empty feed's ETag is stable. */
    private static final Date EPOCH = new Date(0);

    private FeedWriter() {
    }

    public static byte[] atom(FeedModel.Feed feed) {
        return write(syndFeed(feed, "atom_1.0", feed.selfUrl()));
    }

    public static byte[] rss(FeedModel.Feed feed) {
        return write(syndFeed(feed, "rss_2.0", swapExtension(feed.selfUrl(), ".rss")));
    }

    /** JSON Feed 1.1 (https://jsonfeed.org/version/1.1). */
    public static byte[] jsonFeed(FeedModel.Feed feed) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("version", JSON_FEED_VERSION);
        doc.put("title", feed.title());
        doc.put("home_page_url", feed.homeUrl());
        doc.put("feed_url", swapExtension(feed.selfUrl(), ".json"));
        doc.put("description", feed.description());
        doc.put("language", feed.language());
        ArrayNode items = doc.putArray("items");
        for (FeedModel.Entry entry : feed.entries()) {
            ObjectNode item = items.addObject();
            item.put("id", entry.id());
            item.put("url", entry.url());
            item.put("title", entry.title());
            item.put("content_html", entry.contentHtml());
            if (entry.summary() != null) {
                item.put("summary", entry.summary());
            }
            if (entry.published() != null) {
                item.put("date_published", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(entry.published()));
            }
            if (entry.updated() != null) {
                item.put("date_modified", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(entry.updated()));
            }
            if (!entry.authors().isEmpty()) {
                ArrayNode authors = item.putArray("authors");
                entry.authors().forEach(name -> authors.addObject().put("name", name));
            }
            if (!entry.categories().isEmpty()) {
                ArrayNode tags = item.putArray("tags");
                entry.categories().forEach(tags::add);
            }
            if (entry.image() != null) {
                item.put("image", entry.image().url());
            }
        }
        try {
            return JSON.writeValueAsBytes(doc);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON Feed", e);
        }
    }

    private static SyndFeed syndFeed(FeedModel.Feed feed, String type, String selfUrl) {
        SyndFeed synd = new SyndFeedImpl();
        synd.setFeedType(type);
        synd.setUri(feed.id());
        synd.setTitle(xml(feed.title()));
        synd.setDescription(xml(feed.description()));
        synd.setLink(feed.homeUrl());
        synd.setLanguage(feed.language());
        List<SyndLink> links = new ArrayList<>();
        links.add(link("self", selfUrl));
        links.add(link("alternate", feed.homeUrl()));
        synd.setLinks(links);
        synd.setPublishedDate(feed.updated() == null ? EPOCH : date(feed.updated()));
        List<SyndEntry> entries = new ArrayList<>();
        for (FeedModel.Entry entry : feed.entries()) {
            SyndEntry e = new SyndEntryImpl();
            e.setUri(entry.id());
            e.setLink(entry.url());
            e.setTitle(xml(entry.title()));
            if (entry.published() != null) {
                e.setPublishedDate(date(entry.published()));
            }
            e.setUpdatedDate(date(entry.updated() != null ? entry.updated() : entry.published()));
            if (entry.summary() != null) {
                SyndContent summary = new SyndContentImpl();
                summary.setType("text/plain");
                summary.setValue(xml(entry.summary()));
                e.setDescription(summary);
            }
            SyndContent content = new SyndContentImpl();
            content.setType("html");
            content.setValue(xml(entry.contentHtml()));
            e.setContents(List.of(content));
            List<SyndPerson> authors = new ArrayList<>();
            for (String name : entry.authors()) {
                SyndPerson person = new SyndPersonImpl();
                person.setName(xml(name));
                authors.add(person);
            }
            e.setAuthors(authors);
            List<SyndCategory> categories = new ArrayList<>();
            for (String name : entry.categories()) {
                SyndCategory category = new SyndCategoryImpl();
                category.setName(xml(name));
                categories.add(category);
            }
            e.setCategories(categories);
            if (entry.image() != null) {
                // Atom: link rel="enclosure"; RSS 2.0: enclosure (its byte length is not announced by media-service)
                SyndEnclosure enclosure = new SyndEnclosureImpl();
                enclosure.setUrl(entry.image().url());
                enclosure.setType(entry.image().contentType());
                e.setEnclosures(List.of(enclosure));
            }
            entries.add(e);
        }
        synd.setEntries(entries);
        return synd;
    }

    private static byte[] write(SyndFeed feed) {
        try {
            return new SyndFeedOutput().outputString(feed, false).getBytes(StandardCharsets.UTF_8);
        } catch (FeedException e) {
            throw new IllegalStateException("cannot write " + feed.getFeedType() + " feed", e);
        }
    }

    private static SyndLink link(String rel, String href) {
        SyndLink link = new SyndLinkImpl();
        link.setRel(rel);
        link.setHref(href);
        return link;
    }

    private static Date date(OffsetDateTime time) {
        return time == null ? null : Date.from(time.toInstant());
    }

    /** {@code .../issues.atom} → {@code .../issues.rss}. */
    static String swapExtension(String url, String extension) {
        int dot = url.lastIndexOf('.');
        int slash = url.lastIndexOf('/');
        return dot > slash ? url.substring(0, dot) + extension : url + extension;
    }

    /** Removes what XML 1.0 cannot carry (C0 controls except tab/newline/CR, U+FFFE/U+FFFF, lone surrogates). */
    public static String xml(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok;
            if (Character.isHighSurrogate(c)) {
                ok = i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
                if (ok) {
                    if (out != null) {
                        out.append(c).append(text.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
            } else if (Character.isLowSurrogate(c)) {
                ok = false;
            } else {
                ok = c == '\t' || c == '\n' || c == '\r' || c >= 0x20 && c != 0xFFFE && c != 0xFFFF;
            }
            if (!ok && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            } else if (ok && out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }
}
