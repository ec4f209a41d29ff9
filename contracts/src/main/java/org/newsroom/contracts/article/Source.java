package org.newsroom.contracts.article;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An attribution such as （来源：区委办） or （综合自：政协联线）: the printed label, the source's name, an optional link. */
public record Source(
        @Size(max = 20) String label,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http or https URL") String uri) {
}
