package org.newsroom.article.rest;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A page of a keyset-paginated list: {@code {"items": [...], "next": "<cursor>"}} ({@code next} absent at the end). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ItemList<T>(List<T> items, String next) {
}
