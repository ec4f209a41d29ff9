package org.newsroom.notify.rest;

import org.newsroom.notify.mapping.MailComposer;

/** The few small HTML pages a subscriber's browser sees (confirmation, unsubscribe). */
final class Pages {

    private Pages() {
    }

    static String page(String title, String bodyHtml) {
        return "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"UTF-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"robots\" content=\"noindex\"><title>" + MailComposer.escape(title) + "</title></head>"
                + "<body><h1>" + MailComposer.escape(title) + "</h1>" + bodyHtml + "</body></html>\n";
    }
}
