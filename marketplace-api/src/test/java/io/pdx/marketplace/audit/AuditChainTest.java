package io.pdx.marketplace.audit;

import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class AuditChainTest {

    private static List<AuditEvent> chain(int length) {
        List<AuditEvent> events = new ArrayList<>();
        String previous = AuditChain.GENESIS;
        for (int i = 1; i <= length; i++) {
            AuditEvent event = new AuditEvent();
            event.seq = (long) i;
            event.at = OffsetDateTime.of(2026, 11, 25, 8, 0, i, 123_456_000, ZoneOffset.UTC);
            event.actor = "reviewer-1";
            event.action = "license.approve";
            event.resourceType = "license";
            event.resourceId = "L" + i;
            event.detail = "{\"state\":\"APPROVED\"}";
            event.prevHash = previous;
            event.hash = AuditChain.hash(event);
            previous = event.hash;
            events.add(event);
        }
        return events;
    }

    @Test
    void firstBroken_ofAnIntactChain_isNull() {
        assertNull(AuditChain.firstBroken(chain(5), AuditChain.GENESIS));
    }

    @Test
    void firstBroken_findsAnEditedEvent() {
        List<AuditEvent> events = chain(5);
        events.get(2).detail = "{\"state\":\"REJECTED\"}";
        assertEquals(3L, AuditChain.firstBroken(events, AuditChain.GENESIS));
    }

    @Test
    void firstBroken_findsARemovedEvent() {
        List<AuditEvent> events = chain(5);
        events.remove(1);
        assertEquals(3L, AuditChain.firstBroken(events, AuditChain.GENESIS));
    }

    @Test
    void hash_coversTheInstantToTheMicrosecond_whateverTheOffset() {
        AuditEvent event = chain(1).get(0);
        String hash = AuditChain.hash(event);
        event.at = event.at.withOffsetSameInstant(ZoneOffset.ofHours(8));
        assertEquals(hash, AuditChain.hash(event));
        event.at = event.at.plusNanos(1_000);
        assertEquals(false, hash.equals(AuditChain.hash(event)));
    }
}
