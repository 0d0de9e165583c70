package io.pdx.marketplace.catalog;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import java.time.Clock;
import java.time.Year;

/** 登记编号: PDX-{行政区划代码}-{year}-{six-digit sequence}; unique by a database sequence and constraint. */
public final class CertificateNumbers {

    private CertificateNumbers() {
    }

    /** The next number, of the year the {@code clock} reads when the sequence answers. */
    public static Uni<String> next(String divisionCode, Clock clock) {
        return Panache.getSession().flatMap(session -> session
                        .createNativeQuery("select nextval('certificate_seq')", Long.class).getSingleResult())
                .map(sequence -> number(divisionCode, sequence, clock));
    }

    /** The number with this sequence value, of the year the {@code clock} reads (in the clock's zone). */
    static String number(String divisionCode, long sequence, Clock clock) {
        return String.format("PDX-%s-%d-%06d", divisionCode, Year.now(clock).getValue(), sequence);
    }
}
