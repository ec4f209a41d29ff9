package org.newsroom.ingest.mapping;

import java.text.Normalizer;
import java.util.List;
import java.util.function.UnaryOperator;

import org.newsroom.contracts.article.BodyBlock;
import org.newsroom.contracts.article.Byline;
import org.newsroom.contracts.article.Media;
import org.newsroom.contracts.article.Source;
import org.newsroom.contracts.article.Submission;

/**
 * Unicode NFC, the one normalisation API.md allows: applied to every text of a Submission, which is otherwise kept
 * character for character (no trimming, no whitespace folding, no width conversion). Nulls and empty lists stay as
 * they were.
 */
public final class Nfc {

    private Nfc() {
    }

    public static String text(String value) {
        return value == null || Normalizer.isNormalized(value, Normalizer.Form.NFC) ? value
                : Normalizer.normalize(value, Normalizer.Form.NFC);
    }

    public static Submission submission(Submission s) {
        if (s == null) {
            return null;
        }
        return new Submission(text(s.headline()), text(s.subheadline()), text(s.kicker()), s.genre(),
                text(s.language()),
                map(s.body(), b -> b == null ? null : new BodyBlock(b.type(), text(b.text()))),
                map(s.bylines(), b -> b == null ? null : new Byline(text(b.name()), b.role())),
                text(s.creditLine()),
                s.source() == null ? null : new Source(text(s.source().label()), text(s.source().name()), text(s.source().uri())),
                text(s.section()),
                map(s.tags(), Nfc::text),
                map(s.media(), m -> m == null ? null : new Media(m.type(), text(m.uri()), text(m.caption()), text(m.credit()), m.id())),
                s.distribution(), s.embargoedUntil(), text(s.slug()));
    }

    private static <T> List<T> map(List<T> list, UnaryOperator<T> f) {
        if (list == null) {
            return null;
        }
        // Lists may hold nulls (reported by validation), so no List.copyOf.
        return list.stream().map(f).collect(java.util.stream.Collectors.toList());
    }
}
