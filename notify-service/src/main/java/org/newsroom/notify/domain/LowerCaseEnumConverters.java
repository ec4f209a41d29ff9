package org.newsroom.notify.domain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores the domain enums as the lower-case words the database CHECK constraints and the API use. */
public final class LowerCaseEnumConverters {

    private LowerCaseEnumConverters() {
    }

    /** {@link Channel} as {@code webhook} / {@code email}. */
    @Converter(autoApply = true)
    public static class ChannelConverter implements AttributeConverter<Channel, String> {
        @Override
        public String convertToDatabaseColumn(Channel value) {
            return value == null ? null : value.value();
        }

        @Override
        public Channel convertToEntityAttribute(String value) {
            return value == null ? null : Channel.of(value);
        }
    }

    /** {@link SubscriptionStatus} as {@code pending} / {@code active} / {@code disabled}. */
    @Converter(autoApply = true)
    public static class SubscriptionStatusConverter implements AttributeConverter<SubscriptionStatus, String> {
        @Override
        public String convertToDatabaseColumn(SubscriptionStatus value) {
            return value == null ? null : value.value();
        }

        @Override
        public SubscriptionStatus convertToEntityAttribute(String value) {
            return value == null ? null : SubscriptionStatus.of(value);
        }
    }

    /** {@link DeliveryStatus} as its lower-case name. */
    @Converter(autoApply = true)
    public static class DeliveryStatusConverter implements AttributeConverter<DeliveryStatus, String> {
        @Override
        public String convertToDatabaseColumn(DeliveryStatus value) {
            return value == null ? null : value.value();
        }

        @Override
        public DeliveryStatus convertToEntityAttribute(String value) {
            return value == null ? null : DeliveryStatus.of(value);
        }
    }
}
