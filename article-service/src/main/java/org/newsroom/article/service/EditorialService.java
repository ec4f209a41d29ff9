package org.newsroom.article.service;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import org.newsroom.article.domain.Article;
import org.newsroom.article.domain.ArticleRevision;
import org.newsroom.article.domain.ArticleStatus;
import org.newsroom.article.domain.ArticleTransition;
import org.newsroom.article.mapping.ArticleMapper;
import org.newsroom.article.mapping.NumberCursor;
import org.newsroom.article.model.ArticleView;
import org.newsroom.article.model.RevisionView;
import org.newsroom.article.model.TransitionRequest;
import org.newsroom.article.model.TransitionView;
import org.newsroom.article.repository.ArticleRepository;
import org.newsroom.article.repository.ArticleRevisionRepository;
import org.newsroom.article.repository.ArticleTransitionRepository;
import org.newsroom.common.problem.ProblemException;
import org.newsroom.contracts.Ids;
import org.newsroom.contracts.article.Submission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The editors' changes to articles, each in one transaction with the article row locked: workflow transitions,
 * JSON merge patches (a new revision), and the staff views of revisions and transitions.
 */
@ApplicationScoped
public class EditorialService {

    @Inject
    ArticleRepository articles;

    @Inject
    ArticleRevisionRepository revisions;

    @Inject
    ArticleTransitionRepository transitions;

    @Inject
    ArticleMapper mapper;

    @Inject
    ObjectMapper json;

    @Inject
    Validator validator;

    @Inject
    Event<ArticleChanged> changed;

    Clock clock = Clock.systemUTC();

    /**
     * Applies a workflow action.
     *
     * @param precondition checks {@code If-Match} against the current representation (throws 412)
     * @throws ProblemException 404 unknown, 409 not allowed from the current status, 422 missing note
     */
    @Transactional
    public ArticleView transition(UUID id, TransitionRequest request, Viewer viewer,
            Consumer<ArticleView> precondition) {
        Article article = articles.findForUpdate(id).orElseThrow(() -> ArticleReadModel.notFound(id));
        precondition.accept(mapper.toView(article, true));
        ArticleStatus from = article.status;
        ArticleStatus to = WorkflowRules.target(from, request.action()).orElseThrow(() -> ProblemException.conflict(
                "Cannot " + request.action().wire() + " an article that is " + from.wire()
                        + "; allowed from " + from.wire() + ": " + WorkflowRules.allowedFrom(from)));
        String note = request.note() == null || request.note().isBlank() ? null : request.note();
        if (WorkflowRules.needsNote(request.action()) && note == null) {
            throw ProblemException.unprocessable("note", "a " + request.action().wire()
                    + " needs a note for readers");
        }
        if (request.revision() != null && request.action() != TransitionRequest.Action.CORRECT) {
            throw ProblemException.unprocessable("revision", "only a correction adopts a pending revision");
        }
        Instant now = now();
        boolean adopted = false;
        switch (request.action()) {
            case CORRECT -> {
                article.correctionNote = note;
                article.correctedAt = now;
                if (request.revision() != null) {
                    adoptPendingRevision(article, request.revision(), viewer, note, now);
                    adopted = true;
                }
            }
            case RETRACT -> {
                article.retractionNote = note;
                article.retractedAt = now;
                article.pendingRevision = null;
            }
            default -> {
            }
        }
        article.status = to;
        article.updatedAt = now;
        record(article.id, request.action().wire(), from, to, note, viewer.name(), now);
        articles.flush();
        changed.fire(new ArticleChanged(article.id, adopted ? ArticleChanged.Kind.CONTENT : ArticleChanged.Kind.STATE));
        return mapper.toView(article, true);
    }

    /**
     * Makes the article's pending revision its content, as a new revision (an edit by the correcting editor that
     * names the revision it adopts), so that numbering stays in the order things happened.
     *
     * @throws ProblemException 409 when {@code number} is not the article's pending revision
     */
    private void adoptPendingRevision(Article article, int number, Viewer viewer, String note, Instant now) {
        if (article.pendingRevision == null || article.pendingRevision != number) {
            throw ProblemException.conflict("Revision " + number + " is not pending for this article; pending: "
                    + (article.pendingRevision == null ? "none" : article.pendingRevision));
        }
        ArticleRevision pending = revisions.findByNumber(article.id, number)
                .orElseThrow(() -> ProblemException.conflict("Revision " + number + " no longer exists"));
        Submission content = ArticleMapper.read(pending.content, Submission.class);
        mapper.applyContent(article, content);
        article.format = pending.format;
        article.original = pending.original;
        ArticleRevision adopted = new ArticleRevision();
        adopted.articleId = article.id;
        adopted.number = revisions.maxNumber(article.id) + 1;
        adopted.eventId = Ids.newV7().toString();
        adopted.kind = ArticleRevision.KIND_EDIT;
        adopted.content = pending.content;
        adopted.format = pending.format;
        adopted.original = pending.original;
        adopted.author = viewer.name();
        adopted.createdAt = now;
        adopted.note = "adopts revision " + number + ": " + note;
        revisions.persist(adopted);
        article.revision = adopted.number;
        article.pendingRevision = null;
    }

    /** Writes one row of the article's workflow history. */
    public void record(UUID articleId, String action, ArticleStatus from, ArticleStatus to, String note, String actor,
            Instant at) {
        ArticleTransition transition = new ArticleTransition();
        transition.articleId = articleId;
        transition.action = action;
        transition.fromStatus = from;
        transition.toStatus = to;
        transition.note = note;
        transition.actor = actor;
        transition.at = at;
        transitions.persist(transition);
    }

    /**
     * Applies a JSON merge patch (RFC 7396) of Submission fields; the result must satisfy the Submission constraints.
     * A patch that changes nothing makes no revision. A rejected article goes back to {@code submitted}.
     *
     * @throws ProblemException 400 not JSON, 404 unknown, 409 retracted, 412 stale If-Match, 422 invalid result
     */
    @Transactional
    public ArticleView patch(UUID id, byte[] body, Viewer viewer, Consumer<ArticleView> precondition)
            throws IOException {
        JsonNode patch = parse(body);
        Article article = articles.findForUpdate(id).orElseThrow(() -> ArticleReadModel.notFound(id));
        precondition.accept(mapper.toView(article, true));
        if (article.status == ArticleStatus.RETRACTED) {
            throw ProblemException.conflict("A retracted article cannot be changed");
        }
        Submission current = mapper.submission(article);
        JsonNode merged = merge(json.valueToTree(current), patch);
        // wrong types, unknown fields and enum values surface as Jackson exceptions: 422 naming the field
        Submission patched = json.treeToValue(merged, Submission.class);
        Set<ConstraintViolation<Submission>> violations = validator.validate(patched);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        Submission result = patched.withDefaults();
        if (result.equals(current)) {
            return mapper.toView(article, true);
        }
        Instant now = now();
        int number = revisions.maxNumber(article.id) + 1;
        mapper.applyContent(article, result);
        article.revision = number;
        article.updatedAt = now;
        if (article.status == ArticleStatus.REJECTED) {
            record(article.id, "edit", ArticleStatus.REJECTED, ArticleStatus.SUBMITTED, null, viewer.name(), now);
            article.status = ArticleStatus.SUBMITTED;
        }
        ArticleRevision revision = new ArticleRevision();
        revision.articleId = article.id;
        revision.number = number;
        revision.eventId = Ids.newV7().toString();
        revision.kind = ArticleRevision.KIND_EDIT;
        revision.content = ArticleMapper.json(result);
        revision.author = viewer.name();
        revision.createdAt = now;
        revisions.persist(revision);
        revisions.flush();
        changed.fire(new ArticleChanged(article.id, ArticleChanged.Kind.CONTENT));
        return mapper.toView(article, true);
    }

    /** Revisions of an article, oldest first; a reporter sees only their own articles' revisions. */
    @Transactional
    public Page<RevisionView> revisions(UUID id, Viewer viewer, String cursor, int limit) {
        requireStaffAccess(id, viewer);
        long after = NumberCursor.decode(cursor);
        List<ArticleRevision> rows = revisions.page(id, (int) Math.min(after, Integer.MAX_VALUE), limit + 1);
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            next = NumberCursor.encode(rows.get(rows.size() - 1).number);
        }
        List<RevisionView> items = new ArrayList<>();
        for (ArticleRevision r : rows) {
            items.add(new RevisionView(r.number, r.kind, r.author, ArticleMapper.time(r.createdAt), r.note,
                    r.submittedRevision, ArticleMapper.format(r.format), r.eventId,
                    ArticleMapper.read(r.content, Submission.class)));
        }
        return new Page<>(items, next);
    }

    /** Workflow history of an article, oldest first. */
    @Transactional
    public Page<TransitionView> transitions(UUID id, Viewer viewer, String cursor, int limit) {
        requireStaffAccess(id, viewer);
        long after = NumberCursor.decode(cursor);
        List<ArticleTransition> rows = transitions.page(id, after, limit + 1);
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            next = NumberCursor.encode(rows.get(rows.size() - 1).id);
        }
        List<TransitionView> items = new ArrayList<>();
        for (ArticleTransition t : rows) {
            items.add(new TransitionView(t.action, t.fromStatus, t.toStatus, t.note, t.actor,
                    ArticleMapper.time(t.at)));
        }
        return new Page<>(items, next);
    }

    private void requireStaffAccess(UUID id, Viewer viewer) {
        Article article = articles.findByIdOptional(id).orElseThrow(() -> ArticleReadModel.notFound(id));
        if (!viewer.editor() && !(viewer.reporter() && viewer.owns(article))) {
            throw ProblemException.forbidden("Reporters see the history of their own articles only");
        }
    }

    private JsonNode parse(byte[] body) throws IOException {
        if (body == null || body.length == 0) {
            throw ProblemException.badRequest("The body is empty; send a JSON merge patch object");
        }
        JsonNode patch = json.readTree(body);
        if (patch == null || patch.isMissingNode()) {
            throw ProblemException.badRequest("The body is empty; send a JSON merge patch object");
        }
        if (!patch.isObject()) {
            throw ProblemException.unprocessable("$", "a merge patch of an article must be a JSON object");
        }
        return patch;
    }

    /** RFC 7396 JSON merge patch. */
    static JsonNode merge(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy()
                : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> fields = patch.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isNull()) {
                result.remove(field.getKey());
            } else {
                result.set(field.getKey(), merge(result.get(field.getKey()), field.getValue()));
            }
        }
        return result;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
