package org.newsroom.article.model;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/v1/issues} and {@code PUT /api/v1/issues/{id}}: an issue's masthead, number and layout. */
public record IssueRequest(
        @NotBlank @Size(max = 100) String masthead,
        @NotNull @Min(1) @Max(9_999_999) Integer number,
        @NotNull LocalDate date,
        @Size(max = 200) String distributionNote,
        @NotNull @Size(max = 100) List<@NotNull @Valid PageRequest> pages,
        @Size(max = 100) List<@NotNull @Valid TeaserRequest> teasers) {

    /** A page and its placements. */
    public record PageRequest(
            @NotNull @Min(1) @Max(999) Integer number,
            @Size(max = 50) String name,
            @NotNull @Size(max = 200) List<@NotNull @Valid PlacementRequest> placements) {
    }

    /** An article on a page. */
    public record PlacementRequest(
            @NotNull UUID articleId,
            @NotNull @Min(1) @Max(10_000) Integer order) {
    }

    /** A teaser (导读) pointing at a page. */
    public record TeaserRequest(
            @Size(max = 100) String kicker,
            @NotBlank @Size(max = 200) String headline,
            @NotNull @Min(1) @Max(999) Integer page) {
    }
}
