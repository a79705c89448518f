package io.accord.notification.channel;

import io.accord.notification.domain.ChannelKind;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.vertx.ext.mail.SMTPException;
import jakarta.enterprise.context.ApplicationScoped;

/** Email over SMTP with Quarkus Mailer: a plain text and an HTML part; SMTP settings come from {@code quarkus.mailer.*}. */
@ApplicationScoped
public class EmailSender implements ChannelSender {

    private final Mailer mailer;

    public EmailSender(Mailer mailer) {
        this.mailer = mailer;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.EMAIL;
    }

    @Override
    public SendOutcome send(OutgoingMessage message) {
        Mail mail = Mail.withHtml(message.emailAddress(), message.message().subject(), message.message().html())
                .setText(message.message().text());
        try {
            mailer.send(mail);
            return SendOutcome.delivered();
        } catch (RuntimeException e) {
            return classify(e);
        }
    }

    /** SMTP 5xx replies (unknown mailbox, refused) are final; 4xx replies and connection problems are retried. */
    static SendOutcome classify(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SMTPException smtp) {
                String reply = "SMTP " + smtp.getReplyCode() + " " + smtp.getReplyMessage();
                return smtp.isPermanent() ? SendOutcome.fail(reply) : SendOutcome.retry(reply);
            }
        }
        return SendOutcome.retry("SMTP: " + describe(error));
    }

    private static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
