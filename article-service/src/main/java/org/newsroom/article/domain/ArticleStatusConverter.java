package org.newsroom.article.domain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores {@link ArticleStatus} as its lower-case wire name, matching the table's check constraint. */
@Converter
public class ArticleStatusConverter implements AttributeConverter<ArticleStatus, String> {
    @Override
    public String convertToDatabaseColumn(ArticleStatus status) {
        return status == null ? null : status.wire();
    }

    @Override
    public ArticleStatus convertToEntityAttribute(String value) {
        return value == null ? null : ArticleStatus.fromWire(value)
                .orElseThrow(() -> new IllegalStateException("unknown article status in database: " + value));
    }
}
