package org.newsroom.notify.rest;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;

/**
 * The few small HTML pages a subscriber's browser sees (confirmation, unsubscribe), rendered with the Qute template
 * {@code templates/page.html}, which escapes every value.
 */
@ApplicationScoped
public class Pages {

    /** A one-button form that POSTs to {@code action}, optionally with one hidden field. */
    @TemplateData
    public record Form(String action, String fieldName, String fieldValue, String button) {
    }

    private final Template page;

    public Pages(@Location("page.html") Template page) {
        this.page = page;
    }

    /** A page of plain-text paragraphs. */
    public String page(String title, String... paragraphs) {
        return render(title, null, paragraphs);
    }

    /** A page of plain-text paragraphs followed by a button. */
    public String page(String title, Form form, String... paragraphs) {
        return render(title, form, paragraphs);
    }

    private String render(String title, Form form, String... paragraphs) {
        return page.data("title", title).data("paragraphs", List.of(paragraphs)).data("form", form).render();
    }
}
