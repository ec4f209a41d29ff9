package org.newsroom.contracts.article;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A story as a reporter submits it (API.md "Submission"); validated at ingest and on every editorial change,
 * and carried inside {@link ArticleSubmitted}.
 */
public record Submission(
        @NotBlank @Size(min = 1, max = 200) String headline,
        @Size(max = 200) String subheadline,
        @Size(max = 100) String kicker,
        Genre genre,
        @Size(max = Storable.LANGUAGE_MAX)
        @Pattern(regexp = "[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*", message = "must be a BCP 47 language tag") String language,
        @NotNull @Size(min = 1, max = 500) List<@NotNull @Valid BodyBlock> body,
        @Size(max = 50) List<@NotNull @Valid Byline> bylines,
        @Size(max = 200) String creditLine,
        @Valid Source source,
        @Size(max = Storable.SECTION_MAX) String section,
        @Size(max = 50) List<@NotBlank @Size(max = 50) String> tags,
        @Size(max = 50) List<@NotNull @Valid Media> media,
        Distribution distribution,
        OffsetDateTime embargoedUntil,
        @Pattern(regexp = "[a-z0-9-]{1," + Storable.SLUG_MAX + "}", message = "must match [a-z0-9-]{1,"
                + Storable.SLUG_MAX + "}") String slug) {

    public static final String DEFAULT_LANGUAGE = "zh-CN";

    /** This submission with the documented defaults applied (language zh-CN, genre news, distribution public, empty lists). */
    public Submission withDefaults() {
        return new Submission(headline, subheadline, kicker,
                genre == null ? Genre.NEWS : genre,
                language == null ? DEFAULT_LANGUAGE : language,
                body,
                bylines == null ? List.of() : bylines,
                creditLine, source, section,
                tags == null ? List.of() : tags,
                media == null ? List.of() : media,
                distribution == null ? Distribution.PUBLIC : distribution,
                embargoedUntil, slug);
    }
}
