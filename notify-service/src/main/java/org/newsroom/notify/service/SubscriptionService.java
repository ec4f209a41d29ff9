package org.newsroom.notify.service;

import java.text.Normalizer;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.newsroom.common.problem.Problem;
import org.newsroom.common.problem.ProblemException;
import org.newsroom.notify.domain.Channel;
import org.newsroom.notify.domain.Delivery;
import org.newsroom.notify.domain.DeliveryAttempt;
import org.newsroom.notify.domain.DeliveryStatus;
import org.newsroom.notify.domain.Subscription;
import org.newsroom.notify.domain.SubscriptionStatus;
import org.newsroom.notify.mapping.MailComposer;
import org.newsroom.notify.repository.AlertRepository;
import org.newsroom.notify.repository.DeliveryAttemptRepository;
import org.newsroom.notify.repository.DeliveryRepository;
import org.newsroom.notify.repository.SubscriptionRepository;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The subscription life cycle: create (webhook intent verification or e-mail double opt-in), read, disable
 * (delete, one-click unsubscribe, 410), the delivery log, manual retries and the editors' per-issue counts.
 * Manage tokens are random bearer strings of which only a SHA-256 hash is stored.
 */
@ApplicationScoped
public class SubscriptionService {

    private static final Logger LOG = Logger.getLogger(SubscriptionService.class);
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");
    public static final int MAX_SECTIONS = 50;
    public static final int MAX_SECTION_LENGTH = 100;

    private final SubscriptionRepository subscriptions;
    private final DeliveryRepository deliveries;
    private final DeliveryAttemptRepository attempts;
    private final AlertRepository alerts;
    private final EndpointGuard guard;
    private final SecretCipher cipher;
    private final MailComposer composer;
    private final SubscriptionLimits limits;
    private final WebhookVerifications verifications;
    private final Duration confirmationMailWindow;

    public SubscriptionService(SubscriptionRepository subscriptions, DeliveryRepository deliveries,
            DeliveryAttemptRepository attempts, AlertRepository alerts, EndpointGuard guard,
            SecretCipher cipher, MailComposer composer, SubscriptionLimits limits,
            WebhookVerifications verifications, org.newsroom.notify.config.AbuseConfig abuse) {
        this.limits = limits;
        this.verifications = verifications;
        this.confirmationMailWindow = abuse.confirmationMailWindow();
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.attempts = attempts;
        this.alerts = alerts;
        this.guard = guard;
        this.cipher = cipher;
        this.composer = composer;
    }

    /**
     * A new subscription with the secrets shown only in this answer; for an already pending subscription of the same
     * target, that one without its secrets (they were handed to whoever created it).
     */
    public record Created(Subscription subscription, String secret, String manageToken) {
    }

    /** One delivery with its attempts, for the delivery log. */
    public record DeliveryWithAttempts(Delivery delivery, List<DeliveryAttempt> attempts) {
    }

    /** One page of the delivery log. */
    public record DeliveryPage(List<DeliveryWithAttempts> items, UUID next) {
    }

    /** Counts of one issue's deliveries, in total and per channel. */
    public record IssueCounts(UUID issueId, long seq, Counts total, java.util.Map<String, Counts> byChannel,
            long multiplySucceeded) {
    }

    /** Delivered / pending / failed / cancelled counts. */
    public record Counts(long delivered, long pending, long failed, long cancelled) {
        Counts plus(String status, long n) {
            return switch (status) {
                case "delivered" -> new Counts(delivered + n, pending, failed, cancelled);
                case "pending" -> new Counts(delivered, pending + n, failed, cancelled);
                case "failed" -> new Counts(delivered, pending, failed + n, cancelled);
                default -> new Counts(delivered, pending, failed, cancelled + n);
            };
        }
    }

    /**
     * Creates a subscription; the webhook verification runs in the background and the e-mail confirmation is sent at
     * most once per address and window. A pending subscription of the same target is returned instead of a new one.
     *
     * @param clientAddress the requester's address, the key of the per-client rate limit
     */
    public Created create(Channel channel, String rawEndpoint, List<String> rawSections, String clientAddress) {
        limits.client(clientAddress);
        String[] sections = normaliseSections(rawSections);
        String endpoint;
        String host;
        if (channel == Channel.WEBHOOK) {
            EndpointGuard.Checked checked;
            try {
                checked = guard.check(rawEndpoint);
            } catch (EndpointRejectedException e) {
                throw ProblemException.unprocessable("endpoint", e.getMessage());
            }
            endpoint = rawEndpoint;
            host = checked.host();
            limits.target(channel, host);
        } else {
            endpoint = normaliseEmail(rawEndpoint);
            host = endpoint.substring(endpoint.indexOf('@') + 1);
            limits.target(channel, endpoint);
        }
        java.util.Optional<Subscription> pending = pendingFor(channel, endpoint);
        if (pending.isPresent()) {
            return new Created(pending.get(), null, null);
        }
        String manageToken = Tokens.random("mt_", 32);
        String secret = channel == Channel.WEBHOOK ? WebhookSigner.newSecret() : null;
        String confirmToken = channel == Channel.EMAIL ? Tokens.random("", 32) : null;
        Subscription subscription = new Subscription();
        subscription.id = org.newsroom.contracts.Ids.newV7();
        subscription.channel = channel;
        subscription.endpoint = endpoint;
        subscription.endpointHost = host;
        subscription.sections = sections;
        subscription.status = SubscriptionStatus.PENDING;
        subscription.secret = secret == null ? null : cipher.seal(secret);
        subscription.manageTokenHash = Tokens.hash(manageToken);
        subscription.confirmTokenHash = confirmToken == null ? null : Tokens.hash(confirmToken);
        String unsubscribeToken = Tokens.random("", 32);
        subscription.unsubscribeTokenHash = Tokens.hash(unsubscribeToken);
        subscription.unsubscribeTokenSealed = cipher.seal(unsubscribeToken);
        subscription.createdAt = now();
        subscription.updatedAt = subscription.createdAt;
        try {
            QuarkusTransaction.requiringNew().run(() -> subscriptions.persist(subscription));
        } catch (RuntimeException e) {
            // a concurrent request created the pending subscription of this target first (unique index)
            return pendingFor(channel, endpoint).map(existing -> new Created(existing, null, null)).orElseThrow(() -> e);
        }
        if (channel == Channel.WEBHOOK) {
            verifications.submit(subscription.id, host);
        } else {
            sendConfirmation(subscription, confirmToken);
        }
        return new Created(subscription, secret, manageToken);
    }

    private java.util.Optional<Subscription> pendingFor(Channel channel, String endpoint) {
        return QuarkusTransaction.requiringNew().call(() -> subscriptions.pendingFor(channel, endpoint));
    }

    /** Sends the confirmation mail unless one went to this address within the window; true when sent. */
    private boolean sendConfirmation(Subscription subscription, String confirmToken) {
        OffsetDateTime now = now();
        OffsetDateTime notBefore = now.minus(confirmationMailWindow);
        boolean claimed = QuarkusTransaction.requiringNew().call(() -> {
            OffsetDateTime last = subscriptions.lastConfirmationMail(subscription.endpoint);
            if (last != null && last.isAfter(notBefore)) {
                return false;
            }
            boolean ok = subscriptions.claimConfirmationMail(subscription.id, now, notBefore);
            if (ok && confirmToken != null) {
                Subscription stored = subscriptions.findById(subscription.id);
                stored.confirmTokenHash = Tokens.hash(confirmToken);
                stored.updatedAt = now;
            }
            return ok;
        });
        if (!claimed) {
            return false;
        }
        // sent in the background: a slow SMTP relay holds no request thread (the claim above already counts the mail)
        composer.confirmation(subscription.endpoint, confirmToken,
                        cipher.open(subscription.unsubscribeTokenSealed), subscription.sections).send()
                .ifNoItem().after(Duration.ofSeconds(60)).fail()
                .subscribe().with(sent -> { }, failure -> LOG.warnf("the confirmation mail of subscription %s could not "
                        + "be sent (%s); it can be sent again with POST /api/v1/subscriptions/{id}/verify after the "
                        + "confirmation-mail window", subscription.id, failure.toString()));
        return true;
    }

    /** The subscription when the manage token is right; otherwise 401 (no token) or 404 (unknown id or wrong token). */
    public Subscription authorised(UUID id, String manageToken) {
        if (manageToken == null) {
            throw new ProblemException(Problem.of(401, "unauthorized", "Unauthorized",
                    "Send the subscription's manage token as Authorization: Bearer <token>"),
                    java.util.Map.of("WWW-Authenticate", "Bearer"));
        }
        return QuarkusTransaction.requiringNew().call(() -> subscriptions.findByIdOptional(id))
                .filter(s -> Tokens.matches(manageToken, s.manageTokenHash))
                .orElseThrow(() -> ProblemException.notFound("No subscription with this id and manage token"));
    }

    /** True when the token is this subscription's manage token (no exception). */
    public boolean isManageToken(UUID id, String manageToken) {
        return manageToken != null && QuarkusTransaction.requiringNew().call(() -> subscriptions.findByIdOptional(id))
                .map(s -> Tokens.matches(manageToken, s.manageTokenHash)).orElse(false);
    }

    public Subscription find(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> subscriptions.findByIdOptional(id))
                .orElseThrow(() -> ProblemException.notFound("No such subscription"));
    }

    /** Disables a subscription (DELETE by its owner). */
    public void delete(UUID id, String manageToken) {
        Subscription subscription = authorised(id, manageToken);
        disable(subscription.id, "deleted by the subscriber");
    }

    /** Verifies a pending webhook again or re-sends the confirmation mail of a pending e-mail subscription. */
    public Subscription verifyAgain(UUID id, String manageToken) {
        Subscription subscription = authorised(id, manageToken);
        if (subscription.status == SubscriptionStatus.DISABLED) {
            throw ProblemException.conflict("The subscription is disabled");
        }
        if (subscription.status == SubscriptionStatus.ACTIVE) {
            return subscription;
        }
        if (subscription.channel == Channel.WEBHOOK) {
            verifications.submit(subscription.id, subscription.endpointHost);
            return find(id);
        }
        sendConfirmation(subscription, Tokens.random("", 32));
        return find(id);
    }

    /**
     * Queues the re-verification of pending webhook subscriptions younger than {@code maxAge} whose backoff has
     * elapsed, at most {@code perHost} per host and {@code limit} in all (scheduled); returns how many were queued.
     */
    public int reverifyPending(Duration maxAge, int limit, int perHost) {
        List<Subscription> due = QuarkusTransaction.requiringNew()
                .call(() -> subscriptions.dueWebhooks(now().minus(maxAge), now(), limit));
        java.util.Map<String, Integer> perHostCount = new java.util.HashMap<>();
        int queued = 0;
        for (Subscription subscription : due) {
            if (perHostCount.merge(subscription.endpointHost, 1, Integer::sum) > perHost) {
                continue;
            }
            if (verifications.submit(subscription.id, subscription.endpointHost)) {
                queued++;
            }
        }
        return queued;
    }

    /** The e-mail subscription a confirmation token belongs to (nothing changes), or 404. */
    public Subscription byConfirmToken(String token) {
        if (!Tokens.wellFormed(token, 200)) {
            throw ProblemException.notFound("Unknown or expired confirmation link");
        }
        return QuarkusTransaction.requiringNew().call(() -> subscriptions.findByConfirmTokenHash(Tokens.hash(token)))
                .orElseThrow(() -> ProblemException.notFound("Unknown or expired confirmation link"));
    }

    /** Confirms a double opt-in (the POST of the confirmation page): the e-mail subscription becomes active. */
    public Subscription confirm(String token) {
        if (!Tokens.wellFormed(token, 200)) {
            throw ProblemException.notFound("Unknown or expired confirmation link");
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            Subscription subscription = subscriptions.findByConfirmTokenHash(Tokens.hash(token))
                    .orElseThrow(() -> ProblemException.notFound("Unknown or expired confirmation link"));
            if (subscription.status == SubscriptionStatus.PENDING) {
                subscription.status = SubscriptionStatus.ACTIVE;
                subscription.verifiedAt = now();
                subscription.updatedAt = subscription.verifiedAt;
                subscription.statusReason = null;
            }
            return subscription;
        });
    }

    /** The subscription an unsubscribe token belongs to, or 404. */
    public Subscription byUnsubscribeToken(String token) {
        if (!Tokens.wellFormed(token, 64)) {
            throw ProblemException.notFound("Unknown unsubscribe link");
        }
        return QuarkusTransaction.requiringNew().call(() -> subscriptions.findByUnsubscribeTokenHash(Tokens.hash(token)))
                .orElseThrow(() -> ProblemException.notFound("Unknown unsubscribe link"));
    }

    /** One-click unsubscribe (RFC 8058). */
    public Subscription unsubscribe(String token) {
        Subscription subscription = byUnsubscribeToken(token);
        disable(subscription.id, "unsubscribed");
        return find(subscription.id);
    }

    private void disable(UUID id, String reason) {
        QuarkusTransaction.requiringNew().run(() -> {
            Subscription stored = subscriptions.findById(id);
            if (stored.status != SubscriptionStatus.DISABLED) {
                stored.status = SubscriptionStatus.DISABLED;
                stored.statusReason = reason;
                stored.updatedAt = now();
            }
            subscriptions.flush();
            deliveries.cancelPending(id, "the subscription was disabled (" + reason + ")");
        });
    }

    /** A page of the delivery log, newest issue first. */
    public DeliveryPage deliveries(UUID subscriptionId, UUID before, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Delivery> page = deliveries.pageOfSubscription(subscriptionId, before, limit + 1);
            boolean more = page.size() > limit;
            List<Delivery> items = more ? page.subList(0, limit) : page;
            List<DeliveryAttempt> all = attempts.ofDeliveries(items.stream().map(d -> d.id).toList());
            List<DeliveryWithAttempts> result = new ArrayList<>();
            for (Delivery delivery : items) {
                result.add(new DeliveryWithAttempts(delivery,
                        all.stream().filter(a -> a.deliveryId.equals(delivery.id)).toList()));
            }
            return new DeliveryPage(result, more ? items.get(items.size() - 1).id : null);
        });
    }

    /** Manual retry of a failed or cancelled delivery: a new series of attempts starting now. */
    public Delivery retry(UUID subscriptionId, UUID deliveryId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Delivery delivery = deliveries.findByIdOptional(deliveryId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                    .filter(d -> d.subscriptionId.equals(subscriptionId))
                    .orElseThrow(() -> ProblemException.notFound("No such delivery of this subscription"));
            Subscription subscription = subscriptions.findById(subscriptionId);
            if (subscription.status != SubscriptionStatus.ACTIVE) {
                throw ProblemException.conflict("The subscription is " + subscription.status.value());
            }
            if (delivery.status == DeliveryStatus.DELIVERED || delivery.status == DeliveryStatus.PENDING) {
                throw ProblemException.conflict("The delivery is " + delivery.status.value());
            }
            OffsetDateTime now = now();
            delivery.status = DeliveryStatus.PENDING;
            delivery.statusReason = "manual retry";
            delivery.attempts = 0;
            delivery.seriesStartedAt = now;
            delivery.nextAttemptAt = now;
            delivery.leaseOwner = null;
            delivery.leaseUntil = null;
            return delivery;
        });
    }

    /** Delivered / pending / failed counts of one issue, or 404 when the issue was never received. */
    public IssueCounts issueCounts(UUID issueId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            long seq = alerts.findByIssue(issueId).map(a -> a.seq)
                    .orElseThrow(() -> ProblemException.notFound("No alert for this issue"));
            Counts total = new Counts(0, 0, 0, 0);
            java.util.Map<String, Counts> byChannel = new java.util.TreeMap<>();
            for (Channel channel : Channel.values()) {
                byChannel.put(channel.value(), new Counts(0, 0, 0, 0));
            }
            for (Object[] row : deliveries.countsByChannelAndStatus(issueId)) {
                String channel = (String) row[0];
                String status = (String) row[1];
                long n = ((Number) row[2]).longValue();
                total = total.plus(status, n);
                byChannel.put(channel, byChannel.getOrDefault(channel, new Counts(0, 0, 0, 0)).plus(status, n));
            }
            return new IssueCounts(issueId, seq, total, byChannel, deliveries.countMultiplySucceeded(issueId));
        });
    }

    private static String[] normaliseSections(List<String> raw) {
        if (raw == null) {
            return new String[0];
        }
        if (raw.size() > MAX_SECTIONS) {
            throw ProblemException.unprocessable("sections", "at most " + MAX_SECTIONS + " sections");
        }
        Set<String> sections = new LinkedHashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            String section = raw.get(i);
            if (section == null || section.isBlank()) {
                throw ProblemException.unprocessable("sections[" + i + "]", "must not be blank");
            }
            String nfc = Normalizer.normalize(section, Normalizer.Form.NFC);
            if (nfc.length() > MAX_SECTION_LENGTH || nfc.chars().anyMatch(Character::isISOControl)) {
                throw ProblemException.unprocessable("sections[" + i + "]",
                        "at most " + MAX_SECTION_LENGTH + " characters, no control characters");
            }
            sections.add(nfc);
        }
        return sections.toArray(String[]::new);
    }

    /** Validates an e-mail address (ASCII, one @, a dotted domain, no header-breaking characters). */
    public static String normaliseEmail(String raw) {
        if (raw == null || raw.length() > 254 || !EMAIL.matcher(raw).matches()) {
            throw ProblemException.unprocessable("endpoint", "not a valid e-mail address");
        }
        int at = raw.lastIndexOf('@');
        if (at > 64) {
            throw ProblemException.unprocessable("endpoint", "not a valid e-mail address");
        }
        return raw.substring(0, at) + "@" + raw.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
