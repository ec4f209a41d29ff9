package org.newsroom.contracts.article;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** One block of a story's body: a paragraph, a heading or a quote. */
public record BodyBlock(
        @NotNull BlockType type,
        @NotNull @Size(min = 1, max = 20000) String text) {
}
