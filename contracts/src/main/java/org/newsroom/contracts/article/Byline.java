package org.newsroom.contracts.article;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A credited person as structured data (the printed credit line is kept separately, as printed). */
public record Byline(
        @NotBlank @Size(max = 100) String name,
        @NotNull BylineRole role) {
}
