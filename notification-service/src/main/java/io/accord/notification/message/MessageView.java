package io.accord.notification.message;

import io.quarkus.qute.TemplateData;

/**
 * Everything a template shows, already written for its reader (times in the reader's zone, durations in the
 * reader's language); null parts are left out by the templates.
 */
@TemplateData
public record MessageView(
        String kind,
        String locale,
        String itemRef,
        String itemTitle,
        String itemUrl,
        String agreementName,
        String objectiveName,
        String priority,
        String target,
        String deadline,
        String breachedAt,
        String timeLeft,
        String overrun,
        Integer threshold,
        Integer reminder,
        String outcome,
        String period,
        String amount,
        String detail,
        String zone,
        String link) {
}
