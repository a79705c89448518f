package io.accord.notification.channel;

import io.accord.notification.domain.ChannelKind;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.vertx.ext.mail.SMTPException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Email over SMTP with Quarkus Mailer: a plain text and an HTML part; SMTP settings come from {@code quarkus.mailer.*}.
 *
 * <p>Each email is handed to a thread of this sender's own, so the mail client never works on the caller's Vert.x
 * context. Called from a request (a manager's test message), the client could open a new SMTP connection whose
 * answers were due on the context of the very request that was waiting for them: the request hung until the mailer's
 * timeout (the same family as quarkusio/quarkus#28353). From a plain thread, the client takes an event loop of its own.
 */
@ApplicationScoped
public class EmailSender implements ChannelSender {

    private final Mailer mailer;
    private final ExecutorService smtpThreads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "accord-smtp");
        thread.setDaemon(true);
        return thread;
    });

    public EmailSender(Mailer mailer) {
        this.mailer = mailer;
    }

    @PreDestroy
    void stop() {
        smtpThreads.shutdownNow();
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
            // Bounded by quarkus.mailer.timeout inside the blocking mailer
            CompletableFuture.runAsync(() -> mailer.send(mail), smtpThreads).join();
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
