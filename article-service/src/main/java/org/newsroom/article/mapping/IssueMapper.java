package org.newsroom.article.mapping;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.newsroom.article.domain.Article;
import org.newsroom.article.domain.Issue;
import org.newsroom.article.domain.IssueLayout;
import org.newsroom.article.model.IssueRequest;
import org.newsroom.article.model.IssueView;

import com.fasterxml.jackson.core.type.TypeReference;

/** Conversions between {@link Issue} rows, the layout value types, the request body and {@link IssueView}. */
@ApplicationScoped
public class IssueMapper {

    private static final TypeReference<List<IssueLayout.Page>> PAGES = new TypeReference<>() {
    };
    private static final TypeReference<List<IssueLayout.Teaser>> TEASERS = new TypeReference<>() {
    };

    @Inject
    ArticleMapper articles;

    public List<IssueLayout.Page> pages(Issue issue) {
        return ArticleMapper.read(issue.pages, PAGES);
    }

    public List<IssueLayout.Teaser> teasers(Issue issue) {
        return ArticleMapper.read(issue.teasers, TEASERS);
    }

    /** Copies a validated request into the row (layout as JSON, placements sorted by order). */
    public void apply(Issue issue, IssueRequest request) {
        issue.masthead = request.masthead();
        issue.number = request.number();
        issue.date = request.date();
        issue.distributionNote = request.distributionNote();
        List<IssueLayout.Page> pages = new ArrayList<>();
        for (IssueRequest.PageRequest page : request.pages()) {
            List<IssueLayout.Placement> placements = new ArrayList<>();
            for (IssueRequest.PlacementRequest placement : page.placements()) {
                placements.add(new IssueLayout.Placement(placement.articleId(), placement.order()));
            }
            placements.sort(Comparator.comparingInt(IssueLayout.Placement::order));
            pages.add(new IssueLayout.Page(page.number(), page.name(), placements));
        }
        pages.sort(Comparator.comparingInt(IssueLayout.Page::number));
        List<IssueLayout.Teaser> teasers = new ArrayList<>();
        if (request.teasers() != null) {
            for (IssueRequest.TeaserRequest teaser : request.teasers()) {
                teasers.add(new IssueLayout.Teaser(teaser.kicker(), teaser.headline(), teaser.page()));
            }
        }
        issue.pages = ArticleMapper.json(pages);
        issue.teasers = ArticleMapper.json(teasers);
    }

    /**
     * The API view. {@code placed} holds the placed articles this viewer may see (others are left out);
     * {@code withStatus} adds each article's status (editors).
     */
    public IssueView toView(Issue issue, Map<UUID, Article> placed, boolean withStatus, boolean withError) {
        List<IssueView.Page> pages = new ArrayList<>();
        for (IssueLayout.Page page : pages(issue)) {
            List<IssueView.Placement> placements = new ArrayList<>();
            for (IssueLayout.Placement placement : page.placements()) {
                Article article = placed.get(placement.articleId());
                if (article == null && !withStatus) {
                    continue;
                }
                placements.add(new IssueView.Placement(placement.articleId(), placement.order(),
                        article == null ? null : article.headline,
                        articles.articleUrl(placement.articleId()),
                        withStatus ? (article == null ? "missing" : article.status.wire()) : null));
            }
            pages.add(new IssueView.Page(page.number(), page.name(), placements));
        }
        List<IssueView.Teaser> teasers = teasers(issue).stream()
                .map(t -> new IssueView.Teaser(t.kicker(), t.headline(), t.page())).toList();
        Map<String, String> links = new LinkedHashMap<>();
        links.put("self", articles.issueUrl(issue.id));
        links.put("publish", articles.issueUrl(issue.id) + "/publish");
        links.put("byNumber", articles.baseUrl() + "/api/v1/issues/by-number/"
                + java.net.URLEncoder.encode(issue.masthead, java.nio.charset.StandardCharsets.UTF_8)
                        .replace("+", "%20") + "/" + issue.number);
        return new IssueView(issue.id, issue.masthead, issue.number, issue.date, issue.distributionNote, issue.status,
                ArticleMapper.time(issue.publishAt), ArticleMapper.time(issue.publishedAt),
                withError ? issue.publishError : null, pages, teasers, ArticleMapper.time(issue.createdAt),
                ArticleMapper.time(issue.updatedAt), links);
    }

    /** Every article id placed in the issue, in page and placement order. */
    public List<UUID> articleIds(Issue issue) {
        List<UUID> ids = new ArrayList<>();
        for (IssueLayout.Page page : pages(issue)) {
            for (IssueLayout.Placement placement : page.placements()) {
                ids.add(placement.articleId());
            }
        }
        return ids;
    }
}
