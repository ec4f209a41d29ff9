package org.newsroom.article.feed.service;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.newsroom.article.domain.Article;
import org.newsroom.article.domain.IssueStatus;
import org.newsroom.article.domain.Photo;
import org.newsroom.article.feed.config.FeedConfig;
import org.newsroom.article.feed.mapping.FeedModel;
import org.newsroom.article.mapping.ArticleMapper;
import org.newsroom.article.model.ArticleView;
import org.newsroom.article.model.IssueView;
import org.newsroom.article.model.LeadImage;
import org.newsroom.article.ninjs.mapping.NinjsMapper;
import org.newsroom.article.repository.ArticleRepository;
import org.newsroom.article.service.ArticleReadModel;
import org.newsroom.article.service.IssueService;
import org.newsroom.article.service.Viewer;
import org.newsroom.contracts.article.Byline;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Assembles the public feeds from what readers may see now: published issues with their readable articles, and the
 * readable articles of one section. Internal and embargoed articles never appear (the visibility rules of
 * {@link ArticleReadModel}, applied at request time).
 */
@ApplicationScoped
public class FeedService {

    @Inject
    IssueService issues;

    @Inject
    ArticleRepository articles;

    @Inject
    ArticleMapper mapper;

    @Inject
    FeedConfig config;

    /** Published issues, newest first, each listing its public articles page by page. */
    @Transactional
    public FeedModel.Feed issues() {
        List<FeedModel.Entry> entries = new ArrayList<>();
        List<IssueView> published = issues.list(IssueStatus.PUBLISHED, null, config.maxEntries(), null,
                Viewer.ANONYMOUS).items();
        Map<UUID, LeadImage> images = leadImages(published);
        for (IssueView issue : published) {
            entries.add(issueEntry(issue, images));
        }
        String self = mapper.baseUrl() + "/feeds/issues.atom";
        return new FeedModel.Feed(self, self, mapper.baseUrl() + "/api/v1/issues", config.title(),
                config.title() + " — 已出版的各期", config.language(), newest(entries), entries);
    }

    /** The readable articles of a section, newest first. */
    @Transactional
    public FeedModel.Feed section(String section, String encodedSection) {
        List<Article> rows = articles.readableInSection(section, Instant.now(), config.maxEntries());
        List<FeedModel.Entry> entries = new ArrayList<>();
        Map<UUID, Photo> photos = mapper.photosOf(rows);
        for (Article row : rows) {
            entries.add(articleEntry(mapper.toView(row, false, photos)));
        }
        String self = mapper.baseUrl() + "/feeds/sections/" + encodedSection + ".atom";
        return new FeedModel.Feed(self, self, mapper.baseUrl() + "/api/v1/articles?section=" + encodedSection,
                config.title() + " · " + section, config.title() + " — " + section, config.language(),
                newest(entries), entries);
    }

    /**
     * The lead image of each listed article (those readers may see, as the views list them), with one query for the
     * articles and one for their photos.
     */
    private Map<UUID, LeadImage> leadImages(List<IssueView> published) {
        List<UUID> ids = published.stream().flatMap(issue -> issue.pages().stream())
                .flatMap(page -> page.placements().stream()).map(IssueView.Placement::articleId).distinct().toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<Article> rows = articles.list("id in ?1", ids);
        Map<UUID, Photo> photos = mapper.photosOf(rows);
        Map<UUID, LeadImage> images = new HashMap<>();
        for (Article row : rows) {
            ArticleMapper.leadImage(ArticleMapper.media(mapper.submission(row).media(), photos))
                    .ifPresent(image -> images.put(row.id, image));
        }
        return images;
    }

    /** An issue's entry; its image is the lead image of the first listed article (page by page) that has one. */
    private FeedModel.Entry issueEntry(IssueView issue, Map<UUID, LeadImage> images) {
        List<String> categories = new ArrayList<>();
        List<String> headlines = new ArrayList<>();
        List<PageSection> pages = new ArrayList<>();
        for (IssueView.Page page : issue.pages()) {
            if (page.placements().isEmpty()) {
                continue;
            }
            String pageName = "第" + page.number() + "版" + (page.name() == null ? "" : " " + page.name());
            categories.add(pageName);
            pages.add(new PageSection(pageName, page.placements()));
            page.placements().forEach(placement -> headlines.add(placement.headline()));
        }
        LeadImage image = issue.pages().stream().flatMap(page -> page.placements().stream())
                .map(placement -> images.get(placement.articleId())).filter(Objects::nonNull).findFirst().orElse(null);
        String html = Templates.issueEntry(issue, pages, image).render();
        String title = issue.masthead() + " 第" + issue.number() + "期（"
                + DateTimeFormatter.ISO_LOCAL_DATE.format(issue.date()) + "）";
        String summary = headlines.isEmpty() ? null : String.join("；", headlines);
        return new FeedModel.Entry("urn:uuid:" + issue.id(), mapper.issueUrl(issue.id()), title, summary,
                html, issue.publishedAt(), issue.publishedAt(), List.of(), categories, image);
    }

    private FeedModel.Entry articleEntry(ArticleView article) {
        LeadImage image = ArticleMapper.leadImage(article.media()).orElse(null);
        String html = Templates.articleEntry(article, NinjsMapper.html(article.body()), image).render();
        List<String> authors = new ArrayList<>();
        if (article.bylines() != null) {
            article.bylines().stream().map(Byline::name).forEach(authors::add);
        }
        if (authors.isEmpty() && article.creditLine() != null) {
            authors.add(article.creditLine());
        }
        List<String> categories = new ArrayList<>();
        if (article.section() != null) {
            categories.add(article.section());
        }
        if (article.tags() != null) {
            article.tags().stream().filter(t -> !categories.contains(t)).forEach(categories::add);
        }
        OffsetDateTime published = article.publishedAt();
        OffsetDateTime updated = latest(article.updatedAt(), published);
        if (article.correction() != null) {
            updated = latest(updated, article.correction().at());
        }
        return new FeedModel.Entry("urn:uuid:" + article.id(), mapper.articleUrl(article.id()), article.headline(),
                article.subheadline(), html, published, updated, authors, categories, image);
    }

    /** The HTML content of feed entries ({@code templates/FeedService/}); Qute escapes every value. */
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance issueEntry(IssueView issue, List<PageSection> pages, LeadImage image);

        /** {@code image}: the lead image, or null. */
        static native TemplateInstance articleEntry(ArticleView article, String body, LeadImage image);
    }

    /** A page of an issue as its feed entry lists it: "第N版 name" and what is placed on it. */
    record PageSection(String name, List<IssueView.Placement> placements) {
    }

    private static OffsetDateTime latest(OffsetDateTime a, OffsetDateTime b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.isAfter(b) ? a : b;
    }

    private static OffsetDateTime newest(List<FeedModel.Entry> entries) {
        OffsetDateTime newest = null;
        for (FeedModel.Entry entry : entries) {
            newest = latest(newest, latest(entry.updated(), entry.published()));
        }
        return newest;
    }
}
