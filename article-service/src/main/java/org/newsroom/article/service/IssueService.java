package org.newsroom.article.service;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.newsroom.article.domain.Article;
import org.newsroom.article.domain.Issue;
import org.newsroom.article.domain.IssueStatus;
import org.newsroom.article.mapping.IssueMapper;
import org.newsroom.article.mapping.KeysetCursor;
import org.newsroom.article.model.IssueRequest;
import org.newsroom.article.model.IssueView;
import org.newsroom.article.repository.ArticleRepository;
import org.newsroom.article.repository.IssueRepository;
import org.newsroom.common.problem.Problem;
import org.newsroom.common.problem.ProblemException;
import org.newsroom.contracts.Ids;

/**
 * Issues (editions): drafts assembled by editors, checked and published (now or at a scheduled time). Publishing
 * happens in {@link IssuePublisher}, in the same transaction as the checks.
 */
@ApplicationScoped
public class IssueService {

    private static final Logger LOG = Logger.getLogger(IssueService.class);

    @Inject
    IssueRepository issues;

    @Inject
    ArticleRepository articles;

    @Inject
    IssueMapper mapper;

    @Inject
    IssuePublisher publisher;

    Clock clock = Clock.systemUTC();

    /** Outcome of a publish request: the issue and whether it was only scheduled. */
    public record PublishOutcome(IssueView issue, boolean scheduled) {
    }

    /** Creates a draft; 409 when the masthead already has an issue with this number. */
    @Transactional
    public IssueView create(IssueRequest request, Viewer viewer) {
        checkLayout(request);
        if (issues.findByNumber(request.masthead(), request.number()).isPresent()) {
            throw numberTaken(request);
        }
        Instant now = now();
        Issue issue = new Issue();
        issue.id = Ids.newV7();
        issue.status = IssueStatus.DRAFT;
        issue.createdBy = viewer.name();
        issue.createdAt = now;
        issue.updatedAt = now;
        mapper.apply(issue, request);
        issues.persist(issue);
        issues.flush();
        return editorView(issue);
    }

    /** Replaces a draft; 409 when it is scheduled or published, or when the new number is taken. */
    @Transactional
    public IssueView replace(UUID id, IssueRequest request, Viewer viewer, Consumer<IssueView> precondition) {
        checkLayout(request);
        Issue issue = issues.findForUpdate(id).orElseThrow(() -> notFound(id));
        precondition.accept(editorView(issue));
        if (issue.status != IssueStatus.DRAFT) {
            throw ProblemException.conflict("Only a draft can be replaced; this issue is " + issue.status.wire());
        }
        issues.findByNumber(request.masthead(), request.number())
                .filter(other -> !other.id.equals(id))
                .ifPresent(other -> {
                    throw numberTaken(request);
                });
        mapper.apply(issue, request);
        issue.updatedAt = now();
        issue.publishError = null;
        issues.flush();
        return editorView(issue);
    }

    /**
     * Publishes the issue now, or schedules it when {@code publishAt} is in the future. Publishing a published issue
     * again changes and emits nothing.
     *
     * @throws ProblemException 404 unknown, 409 with every reason when the issue cannot be published
     */
    @Transactional
    public PublishOutcome publish(UUID id, OffsetDateTime publishAt, Viewer viewer) {
        Issue issue = issues.findForUpdate(id).orElseThrow(() -> notFound(id));
        if (issue.status == IssueStatus.PUBLISHED) {
            return new PublishOutcome(editorView(issue), false);
        }
        Instant now = now();
        List<Problem.FieldError> reasons = publisher.check(issue);
        if (!reasons.isEmpty()) {
            throw ProblemException.conflict("The issue cannot be published: " + reasons.size() + " problem(s)",
                    reasons);
        }
        if (publishAt != null && publishAt.toInstant().isAfter(now)) {
            issue.status = IssueStatus.SCHEDULED;
            issue.publishAt = publishAt.toInstant().truncatedTo(ChronoUnit.MICROS);
            issue.publishError = null;
            issue.updatedAt = now;
            issues.flush();
            return new PublishOutcome(editorView(issue), true);
        }
        publisher.publishNow(issue, viewer.name(), now);
        return new PublishOutcome(editorView(issue), false);
    }

    /**
     * Publishes one scheduled issue whose time has come (locked with {@code FOR UPDATE SKIP LOCKED}, so replicas
     * share the work); an issue that no longer passes the checks goes back to draft with the reasons.
     *
     * @return false when there was nothing to do
     */
    @Transactional
    public boolean publishNextDue() {
        var due = issues.lockNextDue();
        if (due.isEmpty()) {
            return false;
        }
        Issue issue = issues.findById(due.get());
        List<Problem.FieldError> reasons = publisher.check(issue);
        Instant now = now();
        if (!reasons.isEmpty()) {
            issue.status = IssueStatus.DRAFT;
            issue.publishError = String.join("; ", reasons.stream().map(r -> r.field() + ": " + r.message()).toList());
            issue.updatedAt = now;
            LOG.warnf("scheduled issue %s could not be published and is a draft again: %s", issue.id,
                    issue.publishError);
            return true;
        }
        publisher.publishNow(issue, Viewer.SCHEDULER.name(), now);
        LOG.infof("scheduled issue %s (%s %d) published", issue.id, issue.masthead, issue.number);
        return true;
    }

    /** One issue: everyone sees published issues, editors also drafts and scheduled ones. */
    @Transactional
    public IssueView get(UUID id, Viewer viewer) {
        Issue issue = issues.findByIdOptional(id).orElseThrow(() -> notFound(id));
        return view(issue, viewer);
    }

    @Transactional
    public IssueView byNumber(String masthead, int number, Viewer viewer) {
        Issue issue = issues.findByNumber(masthead, number)
                .orElseThrow(() -> ProblemException.notFound("No issue " + number + " of " + masthead));
        return view(issue, viewer);
    }

    /** Issues newest first (by publication, or creation before that); readers: published only. */
    @Transactional
    public Page<IssueView> list(IssueStatus status, String masthead, int limit, KeysetCursor after, Viewer viewer) {
        IssueStatus wanted = viewer.editor() && status != null ? status : IssueStatus.PUBLISHED;
        KeysetCursor.Slice<Issue> page = KeysetCursor.page(issues.list(wanted.wire(), masthead,
                after == null ? null : after.at(), after == null ? null : after.id(), limit + 1), limit,
                last -> new KeysetCursor(last.listedAt, last.id));
        List<IssueView> items = new ArrayList<>();
        for (Issue row : page.items()) {
            items.add(view(row, viewer));
        }
        return new Page<>(items, page.next());
    }

    private IssueView view(Issue issue, Viewer viewer) {
        if (viewer.editor()) {
            return editorView(issue);
        }
        if (issue.status != IssueStatus.PUBLISHED) {
            throw notFound(issue.id);
        }
        Instant now = clock.instant();
        Map<UUID, Article> visible = new HashMap<>();
        placed(issue).forEach((id, article) -> {
            if (ArticleReadModel.readerVisible(article, now)) {
                visible.put(id, article);
            }
        });
        return mapper.toView(issue, visible, false, false);
    }

    private IssueView editorView(Issue issue) {
        return mapper.toView(issue, placed(issue), true, true);
    }

    private Map<UUID, Article> placed(Issue issue) {
        List<UUID> ids = mapper.articleIds(issue);
        Map<UUID, Article> byId = new HashMap<>();
        if (!ids.isEmpty()) {
            for (Article article : articles.list("id in ?1", ids)) {
                byId.put(article.id, article);
            }
        }
        return byId;
    }

    /** Structural checks of a layout (422): page numbers and placed articles must be unique. */
    private static void checkLayout(IssueRequest request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<Integer> pageNumbers = new HashSet<>();
        Set<UUID> placedIds = new HashSet<>();
        for (int i = 0; i < request.pages().size(); i++) {
            IssueRequest.PageRequest page = request.pages().get(i);
            if (!pageNumbers.add(page.number())) {
                errors.add(new Problem.FieldError("pages[" + i + "].number", "page " + page.number()
                        + " appears more than once"));
            }
            for (int j = 0; j < page.placements().size(); j++) {
                UUID articleId = page.placements().get(j).articleId();
                if (!placedIds.add(articleId)) {
                    errors.add(new Problem.FieldError("pages[" + i + "].placements[" + j + "].articleId",
                            "article " + articleId + " is placed more than once"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable(errors.size() + " field(s) are invalid", errors);
        }
    }

    private static ProblemException numberTaken(IssueRequest request) {
        return ProblemException.conflict(request.masthead() + " already has an issue number " + request.number());
    }

    public static ProblemException notFound(UUID id) {
        return ProblemException.notFound("No issue " + id);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
