package org.newsroom.article.service;

import java.util.Optional;

import org.newsroom.article.domain.ArticleStatus;
import org.newsroom.article.model.TransitionRequest.Action;

/**
 * The editorial workflow as a table (everything not listed is 409):
 * <pre>
 * from \ action   approve    reject     correct     retract
 * submitted       approved   rejected   -           -
 * approved        -          -          -           -          (published only by publishing an issue)
 * rejected        -          -          -           -          (back to submitted by a new revision)
 * published       -          -          corrected   retracted
 * corrected       -          -          corrected   retracted
 * retracted       -          -          -           -          (final)
 * </pre>
 * A new revision (a reporter's re-submission through ingest-service, or an editor's PATCH of a rejected article)
 * puts an approved or rejected article back to {@code submitted}; publishing an issue moves approved → published.
 */
public final class WorkflowRules {

    private WorkflowRules() {
    }

    /** The status an action leads to from {@code from}, or empty when the workflow does not allow it. */
    public static Optional<ArticleStatus> target(ArticleStatus from, Action action) {
        return Optional.ofNullable(switch (action) {
            case APPROVE -> from == ArticleStatus.SUBMITTED ? ArticleStatus.APPROVED : null;
            case REJECT -> from == ArticleStatus.SUBMITTED ? ArticleStatus.REJECTED : null;
            case CORRECT -> from == ArticleStatus.PUBLISHED || from == ArticleStatus.CORRECTED
                    ? ArticleStatus.CORRECTED : null;
            case RETRACT -> from == ArticleStatus.PUBLISHED || from == ArticleStatus.CORRECTED
                    ? ArticleStatus.RETRACTED : null;
        });
    }

    /** Whether the action needs a note (corrections and retractions are explained to readers). */
    public static boolean needsNote(Action action) {
        return action == Action.CORRECT || action == Action.RETRACT;
    }

    /** The actions the workflow allows from a status, for error messages. */
    public static String allowedFrom(ArticleStatus status) {
        StringBuilder allowed = new StringBuilder();
        for (Action action : Action.values()) {
            if (target(status, action).isPresent()) {
                allowed.append(allowed.isEmpty() ? "" : ", ").append(action.wire());
            }
        }
        return allowed.isEmpty() ? "none" : allowed.toString();
    }
}
