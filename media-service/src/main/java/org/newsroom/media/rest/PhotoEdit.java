package org.newsroom.media.rest;

import jakarta.validation.constraints.Size;

/** The fields of a photo the desk may edit (absent fields stay as they are). */
public record PhotoEdit(@Size(max = 1000) String caption, @Size(max = 200) String credit,
        @Size(max = 200) String byline) {
}
